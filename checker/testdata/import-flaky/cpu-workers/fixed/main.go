// One worker per CPU adds up its part of the numbers, then adds its sum to
// the shared total. With one CPU there is one worker, and nothing races:
// the bug shows only on machines with more.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	nums := make([]int, 1000)
	for i := range nums {
		nums[i] = i
	}
	workers := runtime.GOMAXPROCS(0)
	chunk := (len(nums) + workers - 1) / workers
	total := 0
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(part []int) {
			defer wg.Done()
			sum := 0
			for _, n := range part {
				sum += n
			}
			mu.Lock()
			total += sum
			mu.Unlock()
		}(nums[w*chunk : min((w+1)*chunk, len(nums))])
	}
	wg.Wait()
	fmt.Println("total:", total)
}
