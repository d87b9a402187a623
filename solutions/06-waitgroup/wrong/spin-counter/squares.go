// Goroutines bump an atomic counter and main loops until it reaches n: no race, but main spins a core instead of blocking in Wait.
// want: wrong-fix
//
// Command squares adds up the squares of 0, 1, ..., n-1, computing each
// square in a goroutine of its own: square (in server.go) asks another
// server for it, which is slow.
//
// Run it: go run ./labs/06-waitgroup/squares -n 10
package main

import (
	"flag"
	"fmt"
	"sync/atomic"
)

func run() {
	n := flag.Int("n", 10, "how many squares to add up")
	flag.Parse()

	var finished atomic.Int64
	squares := make([]int, *n)
	for i := range *n {
		go func() {
			squares[i] = square(i)
			finished.Add(1)
		}()
	}
	for finished.Load() < int64(*n) {
	}

	total := 0
	for _, s := range squares {
		total += s
	}
	fmt.Printf("sum of squares below %d = %d\n", *n, total)
}
