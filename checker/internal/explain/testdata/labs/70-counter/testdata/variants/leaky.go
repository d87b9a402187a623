// Package counter counts hits, and leaks a goroutine per hit.
package counter

import "sync"

// Counter is safe for concurrent use, but Inc leaks.
type Counter struct {
	mu     sync.Mutex
	n      int
	events chan int
}

// Inc adds one, and announces it to nobody.
func (c *Counter) Inc() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
	go func() { c.events <- 1 }() // nobody receives: stuck forever
}

// Value is the count so far.
func (c *Counter) Value() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}
