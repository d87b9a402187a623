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
	"sync/atomic" // fix: counters that goroutines may bump at the same time
)

// The server's metrics. Every handler bumps them after each request.
// (accept and respond are in network.go.)
var (
	served    atomic.Int64 // fix: requests answered so far, updated atomically
	bytesSent atomic.Int64 // fix: bytes sent so far, updated atomically
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
				served.Add(1)              // fix: one indivisible read-modify-write
				bytesSent.Add(int64(size)) // fix: the same for the byte count
			}
		}()
	}
	wg.Wait()

	fmt.Printf("served %d requests\n", served.Load()) // fix: read with Load
	fmt.Printf("sent %d bytes\n", bytesSent.Load())   // fix: read with Load
}
