// Starts the goroutines with an errgroup.Group and waits with g.Wait: right, but not the WaitGroup the lab practises.
// want: other-kind
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

	"golang.org/x/sync/errgroup"
)

func run() {
	n := flag.Int("n", 10, "how many squares to add up")
	flag.Parse()

	squares := make([]int, *n)
	var g errgroup.Group
	for i := range *n {
		g.Go(func() error {
			squares[i] = square(i)
			return nil
		})
	}
	g.Wait()

	total := 0
	for _, s := range squares {
		total += s
	}
	fmt.Printf("sum of squares below %d = %d\n", *n, total)
}
