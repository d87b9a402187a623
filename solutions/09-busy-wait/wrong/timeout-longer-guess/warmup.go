// Each request waits for the close or 100ms, whichever comes first: a longer guess is still a guess, and a list that loads slower is read empty.
// want: crash

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
	"time"
)

// prices is the price list, in cents. The loader fills it in.
var prices []int

// ready tells the requests that prices is filled in. (loadPrices and
// receiveRequest, the slow parts, are in backend.go.)
var ready = make(chan struct{})

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
		close(ready)
	}()

	answers := make([]int, *requests)
	for i := range *requests {
		wg.Add(1)
		go func() { // one request
			defer wg.Done()
			item := receiveRequest(*seed, i)
			select { // wait for the list, but do not hang a request forever
			case <-ready:
			case <-time.After(100 * time.Millisecond):
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
