package swapcas

import (
	"sync/atomic"
)

var (
	served atomic.Int64
	bytes  int64
	once   atomic.Bool
	state  atomic.Int32
)

func swap(size int) {
	served.Swap(served.Load() + 1) // want `served swaps in a value computed from served's Load on line 15`
	b := atomic.LoadInt64(&bytes)
	atomic.SwapInt64(&bytes, b+int64(size)) // want `bytes swaps in a value computed from bytes's Load on line 16`
	old := served.Swap(0)                   // a reset that reads what it replaced: one step
	_ = old
}

func casOnce(size int) {
	s := served.Load()
	served.CompareAndSwap(s, s+1) // want `served compare-and-swaps, with no retry, a value computed from served's Load on line 23`
	b := atomic.LoadInt64(&bytes)
	if !atomic.CompareAndSwapInt64(&bytes, b, b+int64(size)) { // want `bytes compare-and-swaps, with no retry`
		println("lost")
	}
}

// A loop over the requests is no retry: a failed CompareAndSwap is not
// tried again, the next request comes.
func casPerRequest(requests []int) {
	for range requests {
		s := served.Load()
		served.CompareAndSwap(s, s+1) // want `served compare-and-swaps, with no retry`
	}
	for _, r := range requests {
		for {
			s := served.Load()
			if served.CompareAndSwap(s, s+int64(r)) {
				break
			}
		}
	}
}

// The Load outside the loop is never made again: each round fails with
// the same stale value.
func casStaleLoop() {
	s := served.Load()
	for i := 0; i < 3; i++ {
		if served.CompareAndSwap(s, s+1) { // want `served compare-and-swaps, with no retry`
			break
		}
	}
}

// Retried until it succeeds, in each of the usual shapes.
func casLoops(size int) {
	for {
		old := served.Load()
		if served.CompareAndSwap(old, old+1) {
			break
		}
	}
	for old := served.Load(); !served.CompareAndSwap(old, old+1); old = served.Load() {
	}
	old := atomic.LoadInt64(&bytes)
	for !atomic.CompareAndSwapInt64(&bytes, old, old+int64(size)) {
		old = atomic.LoadInt64(&bytes)
	}
	for {
		v := state.Load()
		if v >= 10 {
			return
		}
		if state.CompareAndSwap(v, v+1) {
			return
		}
	}
}

// First one wins: the new value is not computed from the Load.
func firstWins() bool {
	if once.Load() {
		return false
	}
	if state.Load() == 0 {
		state.CompareAndSwap(0, 1)
	}
	v := state.Load()
	state.CompareAndSwap(v, 7)
	return once.CompareAndSwap(false, true)
}
