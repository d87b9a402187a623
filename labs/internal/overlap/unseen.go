package overlap

import "time"

// Why racelab's own waits must be unseen by the race detector
//
// Work, Window and Reader stand in for a network call or a disk read. Such
// a call does not order one goroutine's memory accesses before another's, so
// neither may the machinery that stands in for it. Had the barrier kept its
// counts under a sync.Mutex and let its callers go by closing a channel, the
// race detector would see every access before Work happen before every
// access after it, in every task: a student's `err := err` copy made before
// an upload, racing with main's write after its own, would pass. So the
// counts are kept under unseenLock, a lock the race detector does not know
// of (on Unix, a token in a pipe, moved by raw system calls), the functions
// that read and write them are //go:norace, and a caller waits for the
// others by looking at the counts again after short sleeps, not by receiving
// from a channel. What the student's goroutines do is then ordered only by
// what the student wrote.
//
// Where no such lock can be had (Windows), unseenLock is a sync.Mutex: the
// checks of overlap still hold, but a race hidden as above can pass there.
// Grading runs on Linux.

// pollFirst and pollMost bound the sleeps of a caller that waits for the
// others: short at first, so that callers let go together leave within
// microseconds of each other, and longer as the wait goes on, so that
// callers waiting out a timeout cost little CPU.
const (
	pollFirst = 20 * time.Microsecond
	pollMost  = 500 * time.Microsecond
)

// poller sleeps between looks, each sleep longer than the last up to
// pollMost.
type poller struct{ next time.Duration }

func (p *poller) sleep() {
	if p.next == 0 {
		p.next = pollFirst
	}
	time.Sleep(p.next)
	p.next = min(2*p.next, pollMost)
}
