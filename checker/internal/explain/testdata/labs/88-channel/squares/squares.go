// Command squares adds up the squares of 0, 1, ..., n-1, computing each
// square in a goroutine of its own.
//
// A throwaway copy of lab 01 fixed with a channel where the lab asks for a
// WaitGroup, used to capture a wrong-fix report for checker/internal/explain.
package main

import (
	"flag"
	"fmt"

	"github.com/racelab/racelab/labs/internal/overlap"
)

func run() {
	n := flag.Int("n", 10, "how many squares to add up")
	flag.Parse()

	squares := make([]int, *n)
	done := make(chan bool)
	for i := range *n {
		go func() {
			squares[i] = square(i)
			done <- true
		}()
	}
	for range *n {
		<-done
	}

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
