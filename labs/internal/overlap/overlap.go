// Package overlap stands in for the slow part of a lab's tasks (a network
// call, a disk read) and, under the lab's tests, proves that the tasks really
// run at the same time.
//
// Removing the go keyword, or holding a lock around a whole task, makes a
// racy program pass a naive test: nothing races when nothing overlaps. So a
// lab's script sets RACELAB_OVERLAP=K, and Work then blocks until K callers
// are inside it together. A program that runs its tasks one after another can
// never get there: after a timeout, Work gives up waiting (so the program still
// finishes quickly) and Check reports how much overlap it saw.
//
// Releasing every waiting caller at once also lines the tasks up so that their
// next accesses to shared memory happen side by side, which is what a lab
// wants the race detector to see. Work orders nothing between its callers,
// as the network call it stands for would not (unseen.Hide): a race across it
// is reported like any other.
//
// The state is per process on purpose: each run of a lab program is its own
// process.
package overlap

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/racelab/racelab/checker/protocol"
	"github.com/racelab/racelab/labs/internal/unseen"
)

// DefaultTimeout is long enough for goroutines on a loaded machine with
// GOMAXPROCS=1 to reach the barrier, short enough that a serialised program
// fails within seconds.
const DefaultTimeout = 3 * time.Second

// idle is how long Work takes when no overlap is demanded, so that a
// student running the program by hand sees concurrency pay off.
const idle = 20 * time.Millisecond

type barrier struct {
	want    int
	timeout time.Duration
	err     error // a bad environment variable

	mu       sync.Mutex
	inside   int
	most     int
	released chan struct{}
	met      bool
	gaveUp   bool
}

// theBarrier is per process: each run of a lab program is its own process.
// It reads its settings while the package is initialised, before package
// main and so before any student code can change the environment.
var theBarrier = newBarrier()

// newBarrier makes a barrier configured by the environment:
// protocol.EnvOverlap sets how many tasks must be inside Work at once
// (unset, Work only pretends to be slow), protocol.EnvOverlapTimeout how
// long Work waits for the others (default DefaultTimeout).
func newBarrier() *barrier {
	b := &barrier{released: make(chan struct{})}
	b.configure()
	return b
}

func (b *barrier) configure() {
	b.timeout = DefaultTimeout
	if v := os.Getenv(protocol.EnvOverlapTimeout); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			b.err = fmt.Errorf("%s=%q: want a positive duration such as 3s", protocol.EnvOverlapTimeout, v)
			return
		}
		b.timeout = d
	}
	if v := os.Getenv(protocol.EnvOverlap); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			b.err = fmt.Errorf("%s=%q: want a whole number of tasks, at least 1", protocol.EnvOverlap, v)
			return
		}
		b.want = n
	}
}

// Work is one task's slow step. Under a lab script that sets RACELAB_OVERLAP=K
// it returns once K callers are inside Work together, or after the timeout.
func Work() { theBarrier.work() }

//go:norace
func (b *barrier) work() {
	if b.want == 0 {
		time.Sleep(idle)
		return
	}
	// The timer is made before the waits are hidden: its own
	// synchronisation must stay seen (unseen.Hide).
	timeout := time.NewTimer(b.timeout)
	defer timeout.Stop()
	unseen.Hide()
	defer unseen.Show()
	b.mu.Lock()
	b.inside++
	b.most = max(b.most, b.inside)
	if b.most >= b.want && !b.met {
		b.met = true
		if !b.gaveUp { // a give-up closed it already
			close(b.released)
		}
	}
	done := b.met || b.gaveUp
	b.mu.Unlock()

	if !done {
		select {
		case <-b.released:
		case <-timeout.C:
			b.mu.Lock()
			if !b.met && !b.gaveUp {
				// Give up for everyone, so a serialised program pays the
				// timeout once rather than once per task.
				b.gaveUp = true
				close(b.released)
			}
			b.mu.Unlock()
		}
	}

	b.mu.Lock()
	b.inside--
	b.mu.Unlock()
}

// Err reports a malformed setting of Work, Window, Settle, Reader, Writer
// or Late.
func Err() error {
	return errors.Join(theBarrier.err, theWindow.err, theSettle.err, theReaders.err, theLate.err)
}

// Check reports whether the overlap the script demanded was reached.
// program.Main calls it after the program returns.
func Check() error { return theBarrier.check() }

//go:norace
func (b *barrier) check() error {
	if b.err != nil {
		return b.err
	}
	if b.want == 0 {
		return nil
	}
	unseen.Hide()
	defer unseen.Show()
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.met {
		return nil
	}
	return fmt.Errorf("at most %d of the %d tasks ran at the same time (the tasks ran one after another)", b.most, b.want)
}
