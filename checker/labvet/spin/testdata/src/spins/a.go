package spins

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

var (
	finished atomic.Int64
	flag     int32
	done     bool
	mu       sync.Mutex
	rw       sync.RWMutex
	held     atomic.Bool
	ch       = make(chan int, 8)
)

type account struct {
	mu      sync.Mutex
	balance int
}

func (a *account) lock() {
	for !a.mu.TryLock() { // want `^this loop retries a\.mu\.TryLock\(\) until it gets the lock`
	}
}

func counter(n int) {
	for finished.Load() < int64(n) { // want `^this loop polls finished\.Load\(\) < int64\(n\): nothing in it blocks`
	}
}

func yields() {
	for atomic.LoadInt32(&flag) == 0 { // want `^this loop polls atomic\.LoadInt32\(&flag\) == 0`
		runtime.Gosched()
	}
}

func sleeps() {
	for !done { // want `^this loop polls !done`
		time.Sleep(time.Millisecond)
	}
}

func length(n int) {
	for len(ch) < n { // want `^this loop polls len\(ch\) < n`
	}
}

func readLock() {
	for !rw.TryRLock() { // want `^this loop retries rw\.TryRLock\(\)`
		runtime.Gosched()
	}
}

// A lock made by hand from a CompareAndSwap that only succeeds once the
// holder has put false back.
func handLock() {
	for !held.CompareAndSwap(false, true) { // want `^this loop retries held\.CompareAndSwap\(false, true\)`
	}
}

func breakOut(n int) {
	for { // want `^this loop polls finished\.Load\(\) == int64\(n\)`
		if finished.Load() == int64(n) {
			break
		}
	}
}

func returnOut() int {
	for { // want `^this loop retries mu\.TryLock\(\)`
		if mu.TryLock() {
			defer mu.Unlock()
			return 1
		}
	}
}

// A flag read under a lock: race-free, still polling.
func lockedFlag() {
	for { // want `^this loop polls r`
		mu.Lock()
		r := done
		mu.Unlock()
		if r {
			break
		}
	}
}

func withPost() {
	for v := finished.Load(); v < 10; v = finished.Load() { // want `^this loop polls v < 10`
	}
}

func cancelled(ctx context.Context) {
	for ctx.Err() == nil { // want `^this loop polls ctx\.Err\(\) == nil`
	}
}

// The drainer: it receives every answer, but whenever none is ready the
// default sends it straight round again.
func drain(answers chan string, mirrors int) {
	for got := 1; got < mirrors; {
		select { // want `^the default case lets the loop around this select come straight back`
		case <-answers:
			got++
		default:
		}
	}
}

func pollClosed(ready chan struct{}) {
wait:
	for {
		select { // want `^the default case lets the loop around this select come straight back`
		case <-ready:
			break wait
		default:
			runtime.Gosched()
		}
	}
}

func spinSend(out chan int) {
	for {
		select { // want `^the default case lets the loop around this select come straight back`
		case out <- 1:
			return
		default:
			continue
		}
	}
}

// A goroutine's own loop is the goroutine's: it is looked at too.
func inGoroutine() {
	go func() {
		for !done { // want `^this loop polls !done`
			runtime.Gosched()
		}
	}()
}

// A send that wakes up every millisecond to look at quit without waiting
// for it: quit is polled at the timer's pace.
func tickLooks(out chan int, quit chan struct{}, t int) {
send:
	for {
		select {
		case out <- t:
			break send
		case <-time.After(time.Millisecond): // want `^the time\.After\(time\.Millisecond\) case lets the loop around this select come back only to look again`
			select {
			case <-quit:
				return
			default:
			}
		}
	}
}

func tickerLooks(ctx context.Context, in chan int, tk *time.Ticker) {
	for {
		select {
		case v := <-in:
			_ = v
		case <-tk.C: // want `^the tk\.C case lets the loop around this select come back only to look again`
			if ctx.Err() != nil {
				return
			}
		}
	}
}
