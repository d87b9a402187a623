// Command warmup answers price requests from a price list that a loader
// goroutine fills in while the first requests are already arriving. Each
// request must wait until the price list is ready.
//
// Run it: go run ./labs/09-busy-wait/warmup -requests 10 -seed 1
package main

import (
	"flag"
	"fmt"
	"runtime"
	"sync"
)

// prices is the price list, in cents. The loader fills it in.
var prices []int

// ready tells the requests that prices is filled in. (loadPrices and
// receiveRequest, the slow parts, are in backend.go.)
var ready bool

func run() {
	requests := flag.Int("requests", 10, "how many requests to answer")
	seed := flag.Int("seed", 1, "seed for the prices and the requests")
	flag.Parse()

	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // the loader
		defer wg.Done()
		list := loadPrices(*seed)
		prices = list
		ready = true // TODO: announce "ready" in a way other goroutines can wait for
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
			for !ready {
				runtime.Gosched() // let the loader run
			}
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
