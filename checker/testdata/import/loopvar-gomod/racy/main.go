// Goroutines started in a loop read the loop variable, which the loop keeps
// changing (written for Go 1.20: one variable for the whole loop).
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	seen := make([]int, 5)
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			seen[i%5]++
		}()
	}
	wg.Wait()
	fmt.Println("seen:", seen)
}
