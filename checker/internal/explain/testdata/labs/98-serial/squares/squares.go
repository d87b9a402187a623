// Command squares adds up the squares of 0, 1, ..., n-1, computing each
// square in a goroutine of its own.
//
// A throwaway copy of lab 01 with a fix that serialises the work, used to
// capture a not-concurrent report for checker/internal/explain.
package main

import (
	"flag"
	"fmt"
	"sync"

	"github.com/racelab/racelab/labs/internal/overlap"
)

func run() {
	n := flag.Int("n", 10, "how many squares to add up")
	flag.Parse()

	squares := make([]int, *n)
	var wg sync.WaitGroup
	var mu sync.Mutex
	for i := range *n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			squares[i] = square(i)
			mu.Unlock()
		}()
	}
	wg.Wait()

	total := 0
	for _, s := range squares {
		total += s
	}
	fmt.Printf("sum of squares below %d = %d\n", *n, total)
}

// square is slow on purpose: think of it as a call to another server.
func square(x int) int {
	overlap.Work()
	return x * x
}
