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
	var wg sync.WaitGroup
	for _, w := range words {
		wg.Add(1)
		go func(w string) {
			defer wg.Done()
			results = append(results, process(w))
		}(w)
	}
	wg.Wait()
	sort.Strings(results)
	fmt.Println(len(results), "results:", strings.Join(results, " "))
}
