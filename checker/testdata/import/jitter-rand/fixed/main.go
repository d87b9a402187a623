// A load generator: workers each send one request after a random jitter
// and count it in a shared total.
package main

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"time"
)

func main() {
	total := 0
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Duration(rand.IntN(3)) * time.Millisecond)
			mu.Lock()
			total++
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("requests:", total)
}
