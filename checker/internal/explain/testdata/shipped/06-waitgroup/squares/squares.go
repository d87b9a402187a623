// Command squares adds up the squares of 0, 1, ..., n-1, computing each
// square in a goroutine of its own.
//
// Run it: go run ./labs/06-waitgroup/squares -n 10
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
	for i := range *n {
		go func() {
			squares[i] = square(i)
		}()
	}
	// TODO: main must not read squares until every goroutine has written
	// its square. Wait for them here with a sync.WaitGroup.

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
