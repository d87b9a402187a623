package addload

import (
	"sync"
	"sync/atomic"
)

var (
	left    atomic.Int64
	pending int32
	mu      sync.Mutex
)

func lastCloses(ch chan int) {
	left.Add(-1)
	if left.Load() == 0 { // want `left decides on a Load made after its Add on line 15, whose result was thrown away`
		close(ch)
	}
}

func throughVariable(ch chan int) {
	atomic.AddInt32(&pending, -1)
	n := atomic.LoadInt32(&pending) // want `pending decides on a Load made after its Add on line 22`
	switch {
	case n == 0:
		close(ch)
	}
}

func limit() bool {
	left.Add(1)
	if n := left.Load(); n > 10 { // want `left decides on a Load made after its Add on line 31`
		return false
	}
	return true
}

// Deciding on what Add returns: each value is one goroutine's.
func right(ch chan int) {
	if left.Add(-1) == 0 {
		close(ch)
	}
	if n := atomic.AddInt32(&pending, -1); n == 0 {
		close(ch)
	}
}

// A Load after the Add only printed decides nothing; a Load before it is
// no decision on its result.
func printed() {
	if left.Load() > 0 {
		println("busy")
	}
	left.Add(1)
	println(left.Load())
}

// Both under one lock: no Add can land in between.
func locked(ch chan int) {
	mu.Lock()
	defer mu.Unlock()
	left.Add(-1)
	if left.Load() == 0 {
		close(ch)
	}
}

// The Add in a goroutine is another function's.
func inGoroutine(wg *sync.WaitGroup) {
	go func() {
		defer wg.Done()
		left.Add(1)
	}()
	wg.Wait()
	if left.Load() > 0 {
		println("done")
	}
}
