// Collecting results from goroutines into a shared slice.
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

func process(word string) string {
	return strings.ToUpper(word)
}

func main() {
	words := []string{"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"}
	var results []string
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, w := range words {
		wg.Add(1)
		go func(w string) {
			defer wg.Done()
			r := process(w)
			mu.Lock()
			results = append(results, r)
			mu.Unlock()
		}(w)
	}
	wg.Wait()
	sort.Strings(results)
	fmt.Println(len(results), "results:", strings.Join(results, " "))
}
