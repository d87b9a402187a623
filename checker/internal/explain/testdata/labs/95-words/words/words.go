// Command words counts how often each word length occurs, one goroutine per
// chunk of text.
//
// A throwaway lab used to capture race reports for checker/internal/explain.
package main

import (
	"flag"
	"fmt"
	"sort"
	"sync"

	"github.com/racelab/racelab/labs/internal/overlap"
)

func run() {
	n := flag.Int("n", 10, "how many chunks")
	flag.Parse()

	counts := map[int]int{}
	var wg sync.WaitGroup
	for i := range *n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			overlap.Work()
			for j := range 2000 {
				counts[(i+j)%7]++
			}
		}()
	}
	wg.Wait()
	keys := make([]int, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	for _, k := range keys {
		fmt.Printf("%d: %d\n", k, counts[k])
	}
}
