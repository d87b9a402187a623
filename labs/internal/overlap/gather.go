package overlap

import (
	"runtime"
	"time"
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

	// The counts, guarded by mu, are read and written only in //go:norace
	// functions: see unseen.go. A gathering configured to gather nobody
	// has no mu.
	mu      *unseenLock
	lockErr error // the lock could not be made
	inside  int
	entered int // callers ever, so a removed call is noticed
	most    int
	group   int // counts the groups let go: a caller's group has gone when it changed
}

// parkedPoll is how often a waiting caller looks whether anyone else can
// still come.
const parkedPoll = 500 * time.Microsecond

func newGathering(want int, wait time.Duration) *gathering {
	return &gathering{want: want, wait: wait}
}

// ready makes the lock once want is known, while the package is
// initialised (making it on first use would need a sync.Once, which the
// race detector sees).
func (g *gathering) ready() {
	if g.want > 0 && g.mu == nil {
		g.mu, g.lockErr = newUnseenLock()
	}
}

// enter waits at the gathering point as described above.
//
//go:norace
func (g *gathering) enter() {
	if g.want == 0 || g.mu == nil {
		return
	}
	g.mu.Lock()
	g.inside++
	g.entered++
	g.most = max(g.most, g.inside)
	group := g.group
	if g.inside >= g.want {
		g.group++ // lets this group go; the next gathers afresh
		g.inside = 0
		g.mu.Unlock()
		return
	}
	g.mu.Unlock()

	start := time.Now()
	looked := start
	var p poller
	for !g.gone(group) {
		if time.Since(start) >= g.wait {
			g.leave(group)
			return
		}
		if time.Since(looked) >= parkedPoll {
			looked = time.Now()
			if othersAllParked() {
				g.leave(group)
				return
			}
		}
		p.sleep()
	}
}

// gone reports whether the callers of group were let go.
//
//go:norace
func (g *gathering) gone(group int) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.group != group
}

// leave takes a caller that stops waiting out of its group.
//
//go:norace
func (g *gathering) leave(group int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.group == group {
		g.inside--
	}
}

// counts returns how many callers ever came, and the most at once.
//
//go:norace
func (g *gathering) counts() (entered, most int) {
	if g.mu == nil {
		return 0, 0
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.entered, g.most
}

// othersAllParked reports whether every goroutine but the caller is parked.
func othersAllParked() bool {
	buf := make([]byte, 1<<16)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			return othersParked(buf[:n])
		}
		buf = make([]byte, 2*len(buf))
	}
}
