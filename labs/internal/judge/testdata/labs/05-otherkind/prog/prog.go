package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

// run counts with an atomic: correct, but not the mutex this lab teaches.
func run() {
	var count atomic.Int64
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() { count.Add(1) })
	}
	wg.Wait()
	fmt.Println("count", count.Load())
}
