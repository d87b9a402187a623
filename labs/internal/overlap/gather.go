package overlap

import (
	"runtime"
	"sync"
	"time"

	"github.com/racelab/racelab/labs/internal/unseen"
)

// gathering holds callers at one point of a program until want of them are
// there together, or until nobody else can still come, or until wait has
// passed, and then lets them go. It remembers the most that were ever there
// at once: how much the program lets its goroutines overlap at that point.
//
// "Nobody else can still come" is what keeps a correct program quick: when
// every other goroutine is parked (blocked on the lock the caller holds,
// say), waiting longer cannot bring another caller, so the caller goes on at
// once instead of waiting out wait. A program that serialises everything
// with one lock then runs serially, and fast, rather than slowly enough to
// look like a deadlock.
type gathering struct {
	want int
	wait time.Duration

	mu      sync.Mutex
	inside  int
	entered int // callers ever, so a removed call is noticed
	most    int
	open    chan struct{}

	// arriving, when set, runs as a caller comes in, before it is
	// counted: a test uses it to hold a caller on its way in.
	arriving func()
}

// parkedPoll is how often a waiting caller looks whether anyone else can
// still come.
const parkedPoll = 500 * time.Microsecond

func newGathering(want int, wait time.Duration) *gathering {
	return &gathering{want: want, wait: wait, open: make(chan struct{})}
}

// enter waits at the gathering point as described above.
//
//go:norace
func (g *gathering) enter() {
	if g.want == 0 {
		return
	}
	// The timers are made, and stopped, outside the hidden waits: their
	// own synchronisation must stay seen (unseen.Hide).
	timeout := time.NewTimer(g.wait)
	defer timeout.Stop()
	poll := time.NewTicker(parkedPoll)
	defer poll.Stop()
	unseen.Hide()
	defer unseen.Show()
	if g.arriving != nil {
		g.arriving()
	}
	g.mu.Lock()
	g.inside++
	g.entered++
	g.most = max(g.most, g.inside)
	open := g.open
	if g.inside >= g.want {
		close(g.open)
		g.open = make(chan struct{}) // the next group gathers afresh
		g.inside = 0
		g.mu.Unlock()
		return
	}
	g.mu.Unlock()
	g.await(open, timeout.C, poll.C)
}

// await holds a caller that has been counted until its group opens. It is
// a function of its own, never inlined, because othersParked tells a
// counted caller, which waits here and cannot bring anyone, by this frame:
// a caller still on its way in (in enter, not yet counted) is one that can
// still come, and must be waited for.
//
//go:noinline
//go:norace
func (g *gathering) await(open chan struct{}, timeout, poll <-chan time.Time) {
	if !waitFor(open, timeout, poll) {
		g.leave(open)
	}
}

// waitFor waits, hidden (unseen.Hide), until open closes (true), or
// timeout fires, or no other goroutine can still come (false): a
// gathering's caller and a Writer wait alike.
//
//go:norace
func waitFor(open <-chan struct{}, timeout, poll <-chan time.Time) bool {
	for {
		select {
		case <-open:
			return true
		case <-timeout:
			return false
		case <-poll:
			// Shown while the dump is read aside: the goroutine that
			// reads it must start knowing what this one knows (unseen.Do).
			unseen.Show()
			parked := othersAllParked(bringsNoOne)
			unseen.Hide()
			if parked {
				return false
			}
		}
	}
}

// leave takes a caller that stops waiting out of its group.
//
//go:norace
func (g *gathering) leave(open chan struct{}) {
	unseen.Hide()
	defer unseen.Show()
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.open == open {
		g.inside--
	}
}

// counts returns how many callers ever came, and the most at once.
//
//go:norace
func (g *gathering) counts() (entered, most int) {
	unseen.Hide()
	defer unseen.Show()
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.entered, g.most
}

// othersAllParked reports whether every other goroutine is parked by the
// rule (othersParked). The dump is taken and read aside
// (unseen.Do): thousands of accesses to it, every poll, would push the
// caller's own last accesses out of the race detector's memory, and a race
// with them would go unreported.
func othersAllParked(parked func(block []byte) bool) bool {
	return unseen.Do(func() bool { return othersParked(dumpAll(), parked) })
}

// dumpAll returns every goroutine's stack, the caller's first.
func dumpAll() []byte {
	buf := make([]byte, 1<<16)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			return buf[:n]
		}
		buf = make([]byte, 2*len(buf))
	}
}
