// Loads each counter and bumps it with a single CompareAndSwap, no retry loop: when another handler gets in between, the CAS fails and that request is not counted.
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
				// bump each counter from the value we just saw
				s := served.Load()
				served.CompareAndSwap(s, s+1)
				b := bytesSent.Load()
				bytesSent.CompareAndSwap(b, b+int64(size))
			}
		}()
	}
	wg.Wait()

	fmt.Printf("served %d requests\n", served.Load())
	fmt.Printf("sent %d bytes\n", bytesSent.Load())
}
