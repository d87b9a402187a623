// Locks the whole visit, serve included: the visitors are served one at a time.
// want: not-concurrent

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
			mu.Lock()
			defer mu.Unlock()
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
