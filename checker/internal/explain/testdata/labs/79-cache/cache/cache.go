// Command cache computes a value per key once, for callers that ask at
// once.
//
// A throwaway lab whose fix holds one lock around everything: correct,
// but every caller waits for every other, used to capture the program's
// other-kind report for checker/internal/explain.
package main

import (
	"flag"
	"fmt"
	"sync"

	"github.com/racelab/racelab/labs/internal/overlap"
)

var (
	mu    sync.Mutex
	cache = map[int]int{}
)

// get returns key's value, computing it the first time.
func get(key int) int {
	mu.Lock()
	defer mu.Unlock()
	if v, ok := cache[key]; ok {
		return v
	}
	overlap.Window() // between the check and the act
	v := key * key
	cache[key] = v
	return v
}

func run() {
	n := flag.Int("callers", 4, "how many callers")
	flag.Parse()

	var wg sync.WaitGroup
	total := make([]int, *n)
	for i := range *n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			total[i] = get(i)
		}()
	}
	wg.Wait()
	sum := 0
	for _, v := range total {
		sum += v
	}
	fmt.Println("sum", sum)
}
