package fine

import (
	"bufio"
	"context"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

var (
	n       atomic.Int64
	dropped atomic.Int64
	ready   bool
	mu      sync.Mutex
	cond    = sync.NewCond(&mu)
	metrics = make(chan int, 1)
)

// A CompareAndSwap retry: each round tries to make progress itself.
func casRetry() {
	for {
		old := n.Load()
		if n.CompareAndSwap(old, old+1) {
			break
		}
	}
}

func casRetryCond() {
	old := n.Load()
	for !n.CompareAndSwap(old, old*2) {
		old = n.Load()
	}
}

// Without a default, select blocks until a case is ready.
func noDefault(ctx context.Context, in chan int) {
	for {
		select {
		case <-ctx.Done():
			return
		case v := <-in:
			_ = v
		}
	}
}

// A non-blocking send that drops the metric when nobody takes it: the
// default does something and the loop ends.
func dropMetric(m int) {
	for {
		select {
		case metrics <- m:
			return
		default:
			dropped.Add(1)
			return
		}
	}
}

func drainQueue(jobs chan int) {
	for {
		select {
		case j := <-jobs:
			_ = j
		default:
			return // the queue is empty: done
		}
	}
}

func counting(k int) {
	for i := range k {
		_ = i
	}
	for i := 0; i < k; i++ {
	}
	for i := 0; i < k; i++ {
		select {
		case metrics <- i:
		default:
		}
	}
}

// Receiving blocks.
func receives(ch chan int) {
	for v := range ch {
		_ = v
	}
	for {
		v, ok := <-ch
		if !ok {
			break
		}
		_ = v
	}
}

func scans() {
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
	}
}

// A sync.Cond wait loop blocks in Wait.
func condWait() {
	mu.Lock()
	for !ready {
		cond.Wait()
	}
	mu.Unlock()
}

// A worker checks for cancellation between units of work: it is working,
// not waiting.
func worker(ctx context.Context, work func()) {
	for {
		select {
		case <-ctx.Done():
			return
		default:
		}
		work()
	}
}

func workerCond(ctx context.Context, work func()) {
	for ctx.Err() == nil {
		work()
	}
}

// Walking a list carries state from one round to the next.
type node struct{ next *node }

func walk(p *node) {
	for p != nil {
		p = p.next
	}
	x := 100
	for x > 1 {
		x = x / 2
	}
}

func forever() {
	for {
	}
}

func lockForWork(work func()) {
	for !mu.TryLock() {
		work() // something useful while the lock is busy
	}
	mu.Unlock()
}

// quit is a case of the select itself: the timer's case only reports.
func tickWithQuit(out chan int, quit chan struct{}, t int, report func()) {
	for {
		select {
		case out <- t:
			return
		case <-quit:
			return
		case <-time.After(time.Second):
			report()
		}
	}
}

// A timer's case that does nothing is idle, not a poll: the select still
// waits for the other cases.
func tickIdle(out chan int, quit chan struct{}, t int) {
	for {
		select {
		case out <- t:
			return
		case <-quit:
			return
		case <-time.After(time.Second):
		}
	}
}

// A timeout that gives up.
func tickTimeout(out chan int, t int) {
	for {
		select {
		case out <- t:
		case <-time.After(time.Second):
			return
		}
	}
}
