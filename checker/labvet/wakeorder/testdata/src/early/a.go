package early

import "sync"

type park struct {
	mu      sync.Mutex
	changed *sync.Cond
	open    bool
	free    int
}

func (p *park) raise() {
	p.changed.Broadcast() // want `p.changed.Broadcast\(\) comes before the change it announces \(p.open, made under the lock after it\)`
	p.mu.Lock()
	p.open = true
	p.mu.Unlock()
}

func (p *park) leave() {
	p.changed.Signal() // want `p.changed.Signal\(\) comes before the change it announces \(p.free`
	p.mu.Lock()
	p.free++
	p.mu.Unlock()
}

// Through the Cond's own Locker, the same.
func (p *park) raiseL() {
	p.changed.Broadcast() // want `comes before the change it announces \(p.open`
	p.changed.L.Lock()
	p.open = true
	p.changed.L.Unlock()
}

var opened bool

// A package-level flag is shared too.
func raiseGlobal(mu *sync.Mutex, c *sync.Cond) {
	c.Broadcast() // want `c.Broadcast\(\) comes before the change it announces \(opened`
	mu.Lock()
	opened = true
	mu.Unlock()
}
