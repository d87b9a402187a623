// main "waits" for its workers by sleeping.
package main

import (
	"fmt"
	"time"
)

func worker(id int, results []int) {
	results[id] = id * id
}

func main() {
	results := make([]int, 8)
	for i := 0; i < 8; i++ {
		go worker(i, results)
	}
	time.Sleep(100 * time.Millisecond) // long enough, surely
	sum := 0
	for _, r := range results {
		sum += r
	}
	fmt.Println("sum:", sum)
}
