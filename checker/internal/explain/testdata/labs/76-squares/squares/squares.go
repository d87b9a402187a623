// Command squares adds up the squares of 0, 1, ..., n-1, computing each
// square in a goroutine of its own.
//
// A throwaway lab whose fix calls wg.Add inside the goroutine it counts,
// used to capture go vet's waitgroup finding and the race it lets happen
// for checker/internal/explain.
package main

import (
	"flag"
	"fmt"
	"sync"
)

func run() {
	n := flag.Int("n", 10, "how many squares to add up")
	flag.Parse()

	squares := make([]int, *n)
	var wg sync.WaitGroup
	for i := range *n {
		go func() {
			wg.Add(1)
			defer wg.Done()
			squares[i] = i * i
		}()
	}
	wg.Wait()

	total := 0
	for _, s := range squares {
		total += s
	}
	fmt.Printf("sum of squares below %d = %d\n", *n, total)
}
