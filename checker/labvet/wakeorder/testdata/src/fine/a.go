package fine

import "sync"

type park struct {
	mu      sync.Mutex
	changed *sync.Cond
	open    bool
	free    int
	log     []string
}

// The change first, then the wake-up: after the Unlock.
func (p *park) raise() {
	p.mu.Lock()
	p.open = true
	p.mu.Unlock()
	p.changed.Broadcast()
}

// Or under the lock, after the change.
func (p *park) leave() {
	p.mu.Lock()
	p.free++
	p.changed.Signal()
	p.mu.Unlock()
}

// Under the lock, even before the change: no waiter can check before the
// Unlock, and by then the change is made.
func (p *park) raiseHeld() {
	p.mu.Lock()
	p.changed.Broadcast()
	p.open = true
	p.mu.Unlock()
}

// A wake-up after which only reads are locked.
func (p *park) peek() bool {
	p.changed.Broadcast()
	p.mu.Lock()
	open := p.open
	p.mu.Unlock()
	return open
}

// A copy read out under the lock is not the change.
func (p *park) copyOut() bool {
	var open bool
	p.changed.Broadcast()
	p.mu.Lock()
	open = p.open
	p.mu.Unlock()
	return open
}
