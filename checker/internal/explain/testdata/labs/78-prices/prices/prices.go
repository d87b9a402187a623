// Command prices answers price lookups from many readers at once.
//
// A throwaway lab whose fix guards the price list with a plain Mutex:
// correct, but readers wait for each other, used to capture the program's
// other-kind report for checker/internal/explain.
package main

import (
	"flag"
	"fmt"
	"sync"

	"github.com/racelab/racelab/labs/internal/overlap"
)

var (
	mu     sync.Mutex
	prices = map[string]int{"tea": 3, "coffee": 4}
)

// price looks a product up.
func price(product string) int {
	mu.Lock()
	defer mu.Unlock()
	overlap.Reader()
	return prices[product]
}

func run() {
	n := flag.Int("readers", 4, "how many readers")
	flag.Parse()

	var wg sync.WaitGroup
	got := make([]int, *n)
	for i := range *n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = price("tea")
		}()
	}
	wg.Wait()
	fmt.Println(len(got), "lookups")
}
