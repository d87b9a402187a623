// Command sum adds up 0, 1, ..., n-1 with a helper closure, one goroutine
// per number.
//
// A throwaway lab used to capture race reports for checker/internal/explain.
package main

import (
	"flag"
	"fmt"
	"sync"

	"github.com/racelab/racelab/labs/internal/overlap"
)

func run() {
	n := flag.Int("n", 10, "how many numbers")
	flag.Parse()

	total := 0
	add := func(x int) {
		overlap.Work()
		total += x
	}

	var wg sync.WaitGroup
	for i := range *n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			add(i)
		}()
	}
	wg.Wait()
	fmt.Printf("sum below %d = %d\n", *n, total)
}
