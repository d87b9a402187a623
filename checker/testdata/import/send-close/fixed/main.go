// Producers send on a channel that main closes without waiting for them.
package main

import (
	"fmt"
	"sync"
)

func main() {
	ch := make(chan int, 100)
	var wg sync.WaitGroup
	for p := 0; p < 4; p++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			for j := 0; j < 10; j++ {
				ch <- id*10 + j
			}
		}(p)
	}
	go func() {
		wg.Wait()
		close(ch) // only once every producer is done
	}()
	sum := 0
	for v := range ch {
		sum += v
	}
	fmt.Println("sum:", sum)
}
