// Command hits counts page hits from many handlers at once.
//
// A throwaway lab (which practises a sync.Mutex) fixed with sync/atomic:
// correct, another kind, used to capture the judge's other-kind verdict
// for checker/internal/explain.
package main

import (
	"flag"
	"fmt"
	"sync"
	"sync/atomic"
)

func run() {
	n := flag.Int("handlers", 4, "how many handlers")
	flag.Parse()

	var hits atomic.Int64
	var wg sync.WaitGroup
	for range *n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			hits.Add(1)
		}()
	}
	wg.Wait()
	fmt.Println(hits.Load(), "hits")
}
