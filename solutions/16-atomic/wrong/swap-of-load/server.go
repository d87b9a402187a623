// Bumps each counter with Swap(Load()+1): a Load and a separate write, so another handler's update in between is overwritten.
// want: wrong-fix, wrong-output
// Command server answers requests with a pool of handler goroutines and keeps
// the two running totals a metrics page would show: requests served and
// bytes sent.
//
// Run it: go run ./labs/16-atomic/server -handlers 4 -requests 5 -seed 1
package main

import (
	"flag"
	"fmt"
	"sync"
	"sync/atomic"
)

// The server's metrics. Every handler bumps them after each request.
// (accept and respond are in network.go.)
var (
	served    atomic.Int64 // requests answered so far
	bytesSent atomic.Int64 // bytes sent so far
)

func run() {
	handlers := flag.Int("handlers", 4, "how many handler goroutines")
	requests := flag.Int("requests", 5, "how many requests each handler answers")
	seed := flag.Int("seed", 1, "seed for the response sizes")
	flag.Parse()

	var wg sync.WaitGroup
	for h := range *handlers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			accept()
			for r := range *requests {
				size := respond(*seed, h, r)
				served.Swap(served.Load() + 1)
				bytesSent.Swap(bytesSent.Load() + int64(size))
			}
		}()
	}
	wg.Wait()

	fmt.Printf("served %d requests\n", served.Load())
	fmt.Printf("sent %d bytes\n", bytesSent.Load())
}
