package main

import (
	"fmt"
	"os"
	"sync"
	"sync/atomic"
)

type Stats struct {
	hits   atomic.Int64
	misses atomic.Int64
}

func main() {
	s := &Stats{}
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			if n%2 == 0 {
				s.hits.Add(1)
			} else {
				s.misses.Add(1)
			}
		}(i)
	}
	wg.Wait()
	fmt.Println("hits:", s.hits.Load(), "misses:", s.misses.Load())
	if s.hits.Load()+s.misses.Load() != 20 {
		fmt.Println("lost updates!")
		os.Exit(1)
	}
	os.Exit(0)
}
