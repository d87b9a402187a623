// Command counter counts events from many goroutines, and reports when a
// round number is reached.
//
// A throwaway lab that locks a mutex it already holds, used to capture a
// deadlock report for checker/internal/explain.
package main

import (
	"flag"
	"fmt"
	"sync"

	"github.com/racelab/racelab/labs/internal/overlap"
)

// Counter counts events.
type Counter struct {
	mu sync.Mutex
	n  int
}

// Add counts one event.
func (c *Counter) Add() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
	if c.Value()%5 == 0 {
		fmt.Println("another five")
	}
}

// Value reports the count.
func (c *Counter) Value() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

func run() {
	n := flag.Int("n", 10, "how many events")
	flag.Parse()

	var c Counter
	var wg sync.WaitGroup
	for range *n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			overlap.Work()
			c.Add()
		}()
	}
	wg.Wait()
	fmt.Printf("%d events\n", c.Value())
}
