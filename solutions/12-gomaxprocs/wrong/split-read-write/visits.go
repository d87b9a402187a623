// Reads the counters in one critical section and writes them back, plus one, in another: a visitor counted in between is lost.
// want: wrong-fix, wrong-output
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
	"sync"

	"github.com/racelab/racelab/labs/12-gomaxprocs/site"
)

var pages = site.Pages

func run() {
	n := flag.Int("n", 20, "how many visitors")
	seed := flag.Int("seed", 1, "picks the page each visitor opens")
	flag.Parse()

	views := make([]int, len(pages))
	total := 0
	var mu sync.Mutex
	var wg sync.WaitGroup
	for v := range *n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := serve(v, *seed)
			// Keep the lock as short as possible: read under it, add
			// outside it, write under it.
			mu.Lock()
			pv, t := views[p], total
			mu.Unlock()
			pv, t = pv+1, t+1
			mu.Lock()
			views[p], total = pv, t
			mu.Unlock()
		}()
	}
	wg.Wait()

	for p, name := range pages {
		fmt.Printf("%-5s %d\n", name, views[p])
	}
	fmt.Printf("total %d\n", total)
}
