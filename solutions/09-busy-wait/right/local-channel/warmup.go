// A channel made in run replaces the global flag: the loader closes it, each request blocks in a receive.
// want: pass

// Command warmup answers price requests from a price list that a loader
// goroutine fills in while the first requests are already arriving. Each
// request must wait until the price list is ready.
//
// Run it: go run ./labs/09-busy-wait/warmup -requests 10 -seed 1
package main

import (
	"flag"
	"fmt"
	"sync"
)

// prices is the price list, in cents. The loader fills it in.
var prices []int

func run() {
	requests := flag.Int("requests", 10, "how many requests to answer")
	seed := flag.Int("seed", 1, "seed for the prices and the requests")
	flag.Parse()

	ready := make(chan struct{}) // closed once prices is filled in
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // the loader
		defer wg.Done()
		list := loadPrices(*seed)
		prices = list
		close(ready)
	}()

	answers := make([]int, *requests)
	for i := range *requests {
		wg.Add(1)
		go func() { // one request
			defer wg.Done()
			item := receiveRequest(*seed, i)
			// TODO: this loop burns a CPU and synchronises nothing: a plain
			// bool read in a loop has no happens-before with the loader's
			// write, so nothing promises that prices is filled in when the
			// loop ends (without the Gosched it might not even end). Block
			// on a channel that the loader closes instead.
			<-ready
			answers[i] = prices[item]
		}()
	}
	wg.Wait()

	total := 0
	for _, a := range answers {
		total += a
	}
	fmt.Printf("answered %d requests, total %d cents\n", *requests, total)
}
