// Command visits counts the visits of many goroutines.
//
// A throwaway lab whose counter is read with an atomic Load and written
// back with a separate Store, used to capture labvet's loadstore finding
// for checker/internal/explain.
package main

import (
	"flag"
	"fmt"
	"sync"
	"sync/atomic"
)

var visits atomic.Int64

func run() {
	n := flag.Int("n", 4, "how many visitors")
	flag.Parse()

	var wg sync.WaitGroup
	for range *n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v := visits.Load()
			visits.Store(v + 1)
		}()
	}
	wg.Wait()
	fmt.Println("visits counted")
}
