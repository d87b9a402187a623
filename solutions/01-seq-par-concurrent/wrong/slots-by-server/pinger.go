// Each goroutine stores its answer in its own slot, a WaitGroup waits, and main prints by server number: nothing is shown as it arrives, and the order is wrong.
// want: wrong-output
//
// Command pinger asks n servers whether they are up and shows each answer,
// then draws a timeline of when each server was asked and answered.
//
// Run it: go run ./labs/01-seq-par-concurrent/pinger -n 8 -seed 3
package main

import (
	"flag"
	"sync"
)

func run() {
	n := flag.Int("n", 8, "how many servers to ask")
	seed := flag.Int("seed", 1, "picks how fast each server answers")
	flag.Parse()

	servers := newServers(*n, *seed)

	results := make([]answer, *n)
	var wg sync.WaitGroup
	for i := range *n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = servers.ping(i)
		}()
	}
	wg.Wait()
	for _, a := range results {
		servers.print(a)
	}

	servers.timeline()
}
