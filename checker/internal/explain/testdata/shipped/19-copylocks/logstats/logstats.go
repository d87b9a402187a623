// Command logstats counts the requests in a web server's access logs by
// status code (200 OK, 404 Not Found, ...). It reads every log in a
// goroutine of its own, and all of them record into one shared Stats.
//
// Run it: go run ./labs/19-copylocks/logstats -logs 8 -seed 42
package main

import (
	"flag"
	"fmt"
	"maps"
	"slices"
	"sync"
)

// Stats counts requests by status code. One Stats is shared by every
// goroutine; its mutex guards counts.
//
// TODO: Record locks mu, yet the race detector still reports a race on
// counts: the goroutines do not all lock the same mutex. Find every place
// where a Stats, and so the mutex inside it, is copied (go vet lists them),
// and make every goroutine use the one Stats that run made.
type Stats struct {
	mu     sync.Mutex
	counts map[int]int // status code -> requests
}

// Record counts one request that the server answered with status.
func (s Stats) Record(status int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.counts[status]++
}

// Count returns how many requests were answered with status.
func (s Stats) Count(status int) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.counts[status]
}

// scan reads access log number log and records every request in it.
func scan(seed, log int, stats Stats) {
	for _, req := range readLog(seed, log) {
		stats.Record(req.Status)
	}
}

func run() {
	logs := flag.Int("logs", 8, "how many access logs to read, all at the same time")
	seed := flag.Int("seed", 1, "picks the server whose logs are read")
	flag.Parse()

	stats := Stats{counts: map[int]int{}}
	var wg sync.WaitGroup
	for log := range *logs {
		wg.Go(func() {
			scan(*seed, log, stats)
		})
	}
	wg.Wait()

	codes := slices.Sorted(maps.Keys(stats.counts))
	total := 0
	for _, code := range codes {
		total += stats.Count(code)
	}
	fmt.Printf("requests: %d in %d logs\n", total, *logs)
	for _, code := range codes {
		fmt.Printf("%d: %d\n", code, stats.Count(code))
	}
}
