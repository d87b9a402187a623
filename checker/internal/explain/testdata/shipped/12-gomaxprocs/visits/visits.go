// Command visits counts the page views of a small web site: every visitor
// is served by a goroutine of its own, which counts the page it opened.
// Serving (serve, in server.go) is slow, so the visitors are served at the
// same time.
//
// Run it: go run ./labs/12-gomaxprocs/visits -n 20 -seed 3
package main

import (
	"flag"
	"fmt"
	"runtime"
	"sync"

	"github.com/racelab/racelab/labs/12-gomaxprocs/site"
)

var pages = site.Pages

func run() {
	n := flag.Int("n", 20, "how many visitors")
	seed := flag.Int("seed", 1, "picks the page each visitor opens")
	flag.Parse()

	// TODO: the race detector still reports a data race on the counters.
	// One thread does not order the goroutines' accesses (see the README):
	// remove this call and guard the counters with a sync.Mutex.
	runtime.GOMAXPROCS(1) // one thread runs every goroutine: they cannot race

	views := make([]int, len(pages))
	total := 0
	var wg sync.WaitGroup
	for v := range *n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := serve(v, *seed)
			views[p]++
			total++
		}()
	}
	wg.Wait()

	for p, name := range pages {
		fmt.Printf("%-5s %d\n", name, views[p])
	}
	fmt.Printf("total %d\n", total)
}
