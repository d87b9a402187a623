// Calls wg.Add(1) just after the go statement: a quick goroutine calls Done before its Add, and the counter goes below zero.
// want: wrong-fix, crash
// Command squares adds up the squares of 0, 1, ..., n-1, computing each
// square in a goroutine of its own: square (in server.go) asks another
// server for it, which is slow.
//
// Run it: go run ./labs/06-waitgroup/squares -n 10
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
			defer wg.Done()
			squares[i] = square(i)
		}()
		wg.Add(1)
	}
	wg.Wait()

	total := 0
	for _, s := range squares {
		total += s
	}
	fmt.Printf("sum of squares below %d = %d\n", *n, total)
}
