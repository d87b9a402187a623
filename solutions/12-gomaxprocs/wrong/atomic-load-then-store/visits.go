// Locks the page counters, but counts the total with an atomic Load followed by a separate Store.
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
	"sync/atomic"

	"github.com/racelab/racelab/labs/12-gomaxprocs/site"
)

var pages = site.Pages

func run() {
	n := flag.Int("n", 20, "how many visitors")
	seed := flag.Int("seed", 1, "picks the page each visitor opens")
	flag.Parse()

	views := make([]int, len(pages))
	var total atomic.Int64
	var mu sync.Mutex
	var wg sync.WaitGroup
	for v := range *n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := serve(v, *seed)
			mu.Lock()
			views[p]++
			mu.Unlock()
			total.Store(total.Load() + 1)
		}()
	}
	wg.Wait()

	for p, name := range pages {
		fmt.Printf("%-5s %d\n", name, views[p])
	}
	fmt.Printf("total %d\n", total.Load())
}
