// One worker per CPU adds up the jobs into a shared total. With one CPU
// there is one worker, and nothing races: the bug shows only on machines
// with more.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	workers := runtime.GOMAXPROCS(0)
	jobs := make(chan int)
	var wg sync.WaitGroup
	total := 0
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				total += j
			}
		}()
	}
	for i := 1; i <= 100; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	fmt.Println("total:", total)
}
