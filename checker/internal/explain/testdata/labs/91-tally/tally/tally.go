// Command tally counts votes, one goroutine per ballot box.
//
// A throwaway lab used to capture race reports for checker/internal/explain.
package main

import (
	"flag"
	"fmt"
	"sync"

	"github.com/racelab/racelab/labs/internal/overlap"
)

var ballots int

func run() {
	n := flag.Int("n", 10, "how many ballot boxes")
	flag.Parse()

	var wg sync.WaitGroup
	votes := 0
	var boxes []int
	for i := range *n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			overlap.Work()
			votes += i
			ballots++
			boxes = append(boxes, i)
		}()
	}
	wg.Wait()
	fmt.Printf("boxes=%d votes=%d ballots=%d\n", len(boxes), votes, ballots)
}
