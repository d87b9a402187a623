// Counts under TryLock and skips the visit when the lock is busy (never blocks a visitor): visits made while another goroutine counts are lost.
// want: wrong-fix
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
	var wg sync.WaitGroup
	var mu sync.Mutex
	for v := range *n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := serve(v, *seed)
			if mu.TryLock() {
				views[p]++
				total++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()

	for p, name := range pages {
		fmt.Printf("%-5s %d\n", name, views[p])
	}
	fmt.Printf("total %d\n", total)
}
