package main

import (
	"fmt"
	"os"
	"sync"
)

type Stats struct {
	hits   int64
	misses int64
}

func main() {
	s := &Stats{}
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			if n%2 == 0 {
				s.hits++
			} else {
				s.misses++
			}
		}(i)
	}
	wg.Wait()
	fmt.Println("hits:", s.hits, "misses:", s.misses)
	if s.hits+s.misses != 20 {
		fmt.Println("lost updates!")
		os.Exit(1)
	}
	os.Exit(0)
}
