package fine

import "sync"

type counter struct {
	mu    sync.Mutex
	views map[string]int
}

func (c *counter) visit(page string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.views[page]++
}

// The failure does the work another way: nothing is dropped.
func (c *counter) visitOrQueue(page string, queue chan string) {
	if c.mu.TryLock() {
		c.views[page]++
		c.mu.Unlock()
	} else {
		queue <- page
	}
}

// Retried until it succeeds: late, not lost (spin reports the spinning).
func (c *counter) visitRetry(page string) {
	for {
		if !c.mu.TryLock() {
			continue
		}
		c.views[page]++
		c.mu.Unlock()
		return
	}
}
