// A container's state change holds the container's lock and logs the
// change through a method that takes the same lock: sync.Mutex is not
// reentrant, so the goroutine waits for itself, a deadlock. Modelled on
// the double-locking bugs of moby (Docker) in the ASPLOS'19 study of Go
// concurrency bugs (Tu et al.), the most common blocking bug it found.
package main

import (
	"fmt"
	"sync"
)

type container struct {
	mu     sync.Mutex
	state  string
	events []string
}

func (c *container) describe() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.describeLocked()
}

// describeLocked is describe for a caller that holds c.mu.
func (c *container) describeLocked() string { return "container is " + c.state }

func (c *container) setState(s string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.state = s
	c.events = append(c.events, c.describeLocked())
}

func main() {
	c := &container{state: "created"}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		c.setState("running")
	}()
	wg.Wait()
	fmt.Println(c.describe(), "after", len(c.events), "event")
}
