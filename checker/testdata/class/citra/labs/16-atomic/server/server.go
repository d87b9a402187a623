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

	"github.com/racelab/racelab/labs/internal/overlap"
)

// The server's metrics. Every handler bumps them after each request.
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

// accept is slow on purpose: think of it as a client connecting over the
// network. Each handler serves one connection.
func accept() {
	overlap.Work()
}

// respond answers request r on handler h and returns the size of the
// response in bytes.
func respond(seed, h, r int) int {
	return 200 + (seed+31*h+7*r)%800
}
