package main

import (
	"fmt"
	"sync"
)

func main() {
	squares := make(map[int]int)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			mu.Lock()
			defer mu.Unlock()
			squares[n] = n * n
		}(i)
	}
	wg.Wait()
	fmt.Println("squares computed:", len(squares))
}
