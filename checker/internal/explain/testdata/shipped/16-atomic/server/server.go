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
)

// The server's metrics. Every handler bumps them after each request.
// (accept and respond are in network.go.)
//
// TODO: every handler updates these at the same time, and `x++` is a read
// and a write that another goroutine can slip between. Make them
// atomic.Int64 (package sync/atomic) and update them with Add.
var (
	served    int64 // requests answered so far
	bytesSent int64 // bytes sent so far
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
				served++                 // TODO: count atomically
				bytesSent += int64(size) // TODO: add atomically
			}
		}()
	}
	wg.Wait()

	// TODO: once the counters are atomic, read them with Load.
	fmt.Printf("served %d requests\n", served)
	fmt.Printf("sent %d bytes\n", bytesSent)
}
