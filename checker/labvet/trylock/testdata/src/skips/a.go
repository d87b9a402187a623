package skips

import "sync"

type counter struct {
	mu    sync.Mutex
	views map[string]int
}

// Never blocks a visitor, and so drops the visits made while another
// goroutine counts.
func (c *counter) visit(page string) {
	if c.mu.TryLock() { // want `^c\.mu\.TryLock\(\) skips the work whenever another goroutine holds the lock`
		c.views[page]++
		c.mu.Unlock()
	}
}

func (c *counter) visitEarly(page string) {
	if !c.mu.TryLock() { // want `^c\.mu\.TryLock\(\) skips the work`
		return
	}
	defer c.mu.Unlock()
	c.views[page]++
}

func (c *counter) visitAll(pages []string) {
	for _, p := range pages {
		if !c.mu.TryLock() { // want `^c\.mu\.TryLock\(\) skips the work`
			continue
		}
		c.views[p]++
		c.mu.Unlock()
	}
}

var rw sync.RWMutex

func read(m map[string]int, k string) (v int) {
	if rw.TryRLock() { // want `^rw\.TryRLock\(\) skips the work`
		v = m[k]
		rw.RUnlock()
	}
	return v
}
