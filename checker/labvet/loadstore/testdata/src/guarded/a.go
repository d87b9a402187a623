package guarded

import (
	"sync"
	"sync/atomic"
)

var (
	mu sync.Mutex
	n  atomic.Int64
)

type counter struct {
	sync.Mutex
	v atomic.Int64
}

// Both steps are made under one lock: ordered, no update lost.
func locked() {
	mu.Lock()
	defer mu.Unlock()
	v := n.Load()
	n.Store(v + 1)
}

func embedded(c *counter) {
	c.Lock()
	c.v.Store(c.v.Load() + 1)
	c.Unlock()
}

// The lock is let go between the two: another writer can slip in.
func released() {
	mu.Lock()
	v := n.Load()
	mu.Unlock()
	mu.Lock()
	n.Store(v + 1) // want `n stores a value computed from n's Load`
	mu.Unlock()
}
