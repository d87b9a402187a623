// Command results collects the squares of 0, 1, ..., n-1 over a channel.
//
// A throwaway lab that closes its channel too early, used to capture a panic
// for checker/internal/explain.
package main

import (
	"flag"
	"fmt"

	"github.com/racelab/racelab/labs/internal/overlap"
)

func run() {
	n := flag.Int("n", 10, "how many squares")
	flag.Parse()

	results := make(chan int, *n)
	for i := range *n {
		go func() {
			overlap.Work()
			results <- i * i
		}()
	}
	close(results)

	total := 0
	for r := range results {
		total += r
	}
	fmt.Printf("total %d\n", total)
}
