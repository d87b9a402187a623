package fine

import (
	"sync/atomic"
)

var (
	n    atomic.Int64
	last atomic.Int64
	v    atomic.Value
	p    atomic.Pointer[map[string]int]
)

func right() {
	n.Add(1)
	for {
		old := n.Load()
		if n.CompareAndSwap(old, old*2) {
			break
		}
	}
	last.Store(n.Load()) // another variable: a snapshot, not an update of n
	x := n.Load()
	x = 0
	n.Store(x) // x no longer holds what was loaded
	n.Store(0) // a reset
}

// Copy-on-write with atomic.Value or Pointer is an idiom for one writer.
func copyOnWrite() {
	old := *p.Load()
	m := map[string]int{}
	for k, val := range old {
		m[k] = val
	}
	p.Store(&m)
	v.Store(v.Load())
}
