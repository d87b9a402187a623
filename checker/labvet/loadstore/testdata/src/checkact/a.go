package checkact

import (
	"sync"
	"sync/atomic"
)

type alarm struct {
	evacuate chan struct{}
	raised   atomic.Bool
}

// The Load decides, a separate Store acts: two sensors both see false.
func (a *alarm) raise() {
	if a.raised.Load() {
		return
	}
	a.raised.Store(true) // want `a.raised is stored after a check of its Load on line 15, as a separate step`
	close(a.evacuate)
}

var (
	fired  int32
	state  atomic.Int32
	closed atomic.Bool
	mu     sync.Mutex
)

func inside(ch chan int) {
	if atomic.LoadInt32(&fired) == 0 {
		atomic.StoreInt32(&fired, 1) // want `fired is stored after a check of its Load on line 30`
		close(ch)
	}
}

func throughValue(ch chan int) {
	was := closed.Load()
	if !was {
		closed.Swap(true) // want `closed is swapped after a check of its Load on line 37`
		close(ch)
	}
}

func afterLoop() {
	for state.Load() != 0 {
	}
	state.Store(1) // want `state is stored after a check of its Load on line 45`
}

// One step: the first CompareAndSwap wins.
func (a *alarm) raiseOnce() {
	if !a.raised.CompareAndSwap(false, true) {
		return
	}
	close(a.evacuate)
}

// Swap tells what it replaced, in the same step.
func swapOnce(ch chan int) {
	if !closed.Swap(true) {
		close(ch)
	}
}

// A Load that decides nothing about the Store: it happens either way.
func unconditional() {
	if closed.Load() {
		println("closed")
	}
	closed.Store(false)
}

// Another variable is stored.
func other() {
	if closed.Load() {
		state.Store(2)
	}
}

// Under one lock held over both.
func locked(ch chan int) {
	mu.Lock()
	defer mu.Unlock()
	if !closed.Load() {
		closed.Store(true)
		close(ch)
	}
}

// A fast path on a Load, then the CompareAndSwap that decides.
func fastPath(ch chan int) {
	if closed.Load() {
		return
	}
	if closed.CompareAndSwap(false, true) {
		close(ch)
	}
}
