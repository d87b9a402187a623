package overlap

import (
	"bytes"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/racelab/racelab/checker/protocol"
	"github.com/racelab/racelab/labs/internal/unseen"
)

// settlePoll is how often Settle looks at the other goroutines again.
const settlePoll = 200 * time.Microsecond

// settle is Settle's setting: protocol.EnvSettle turns it on and sets the
// longest it waits (a Go duration, such as 2s). Unset, Settle returns at
// once. Read while the package is initialised, like the barrier's.
type settle struct {
	limit time.Duration
	err   error
	// busy records, once a Settle gave up with another goroutine still
	// running, how long it waited and which goroutine it was.
	busy *busy
}

type busy struct {
	mu      sync.Mutex
	waited  time.Duration
	running string // the first running goroutine's header and frames
}

var theSettle = newSettle()

func newSettle() settle {
	v := os.Getenv(protocol.EnvSettle)
	if v == "" {
		return settle{}
	}
	limit, err := time.ParseDuration(v)
	if err != nil || limit <= 0 {
		return settle{err: fmt.Errorf("%s=%q: want a positive duration such as 2s", protocol.EnvSettle, v)}
	}
	return settle{limit: limit, busy: &busy{}}
}

// Settle waits until every other goroutine of the program is parked (blocked
// on a channel, a select, a lock, a sleep or a system call) rather than
// running or waiting for a CPU, or until the wait set by RACELAB_SETTLE has
// passed. A goroutine still running after that long is not on its way: it
// spins while it waits (a loop polling a flag, a select with a default), and
// CheckBusy reports it when the program ends.
//
// A lab's fixture calls it just before the event a student's code must react
// to, such as closing a quit channel. Without it, whether a goroutine has
// already looked at the channel when it is closed depends on the scheduler:
// a wrong fix that checks quit once and then does a plain send passes when
// the close happens to come first. With it, the goroutine has always gone as
// far as it can before the close, so it is blocked in its select (right) or
// in its plain send (wrong, and the leak check sees it) every time.
func Settle() { theSettle.wait() }

func (s settle) wait() {
	if s.limit == 0 {
		return
	}
	limit := s.limit
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		if othersAllParked(settled) {
			return
		}
		time.Sleep(settlePoll)
	}
	// Read aside, like every dump (othersAllParked).
	running := unseen.Do(func() string { return firstRunning(dumpAll()) })
	if running == "" {
		return
	}
	s.busy.mu.Lock()
	defer s.busy.mu.Unlock()
	if s.busy.running == "" {
		s.busy.waited, s.busy.running = limit, running
	}
}

// CheckBusy reports a goroutine that kept running through a whole Settle:
// the program spins where it should block ("" when none did).
func CheckBusy() string { return theSettle.report() }

func (s settle) report() string {
	b := s.busy
	if b == nil {
		return ""
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.running == "" {
		return ""
	}
	return fmt.Sprintf("a goroutine kept running for %v while the program waited for it to block: it spins (a loop that polls, a select with a default) instead of waiting on a channel, a lock or a WaitGroup. It was here:\n%s", b.waited, b.running)
}

// firstRunning returns the stack of the first goroutine in the dump, after
// the dump taker's, that is running or runnable and not racelab's own.
func firstRunning(dump []byte) string {
	for _, g := range others(dump) {
		if spinning(g) {
			return string(g)
		}
	}
	return ""
}

// othersParked reports whether every goroutine in the dump but the first
// (the one that took it, which runtime.Stack always lists first) is parked
// by the rule (settled for a Settle, bringsNoOne for a gathering).
func othersParked(dump []byte, parked func(block []byte) bool) bool {
	for _, g := range others(dump) {
		if !parked(g) {
			return false
		}
	}
	return true
}

// blocked reports whether a goroutine's block shows it in a state it stays
// in until another goroutine (or a timer, or the network) lets it go. Every
// other state, not only running and runnable, is one it leaves by itself: a
// goroutine in "GC assist wait", "preempted" or "copystack" is paused by the
// runtime, and one in "syscall" comes back; on a loaded machine such a pause
// outlasts a poll, and a goroutine on its way must not be taken for one that
// is stuck. A switch, not a map variable: the list cannot change at run time.
func blocked(block []byte) bool {
	state, _ := goroutineState(block)
	if inBookkeeping(block) {
		return false
	}
	switch state {
	case "chan receive", "chan send", "chan receive (nil chan)", "chan send (nil chan)",
		"select", "select (no cases)", "sleep", "IO wait", "semacquire",
		"sync.Mutex.Lock", "sync.RWMutex.Lock", "sync.RWMutex.RLock",
		"sync.Cond.Wait", "sync.WaitGroup.Wait":
		return true
	case "syscall":
		// os/signal's goroutine waits for a signal in a system call for
		// as long as none comes: it is blocked too.
		return bytes.Contains(block, []byte("os/signal.signal_recv("))
	}
	return false
}

// bookkeeping are the frames of this package's own counts: a goroutine
// that waits for their mutex (a gathering's, the barrier's) is passing
// through racelab's bookkeeping on its way in or out, and goes on by itself
// within microseconds. Taken for one the program blocked, it let a window's
// callers go without it, and a lab 25 circle of payments did not deadlock
// in about 1 run in 150 under load.
var bookkeeping = [][]byte{
	[]byte("labs/internal/overlap.(*gathering)."),
	[]byte("labs/internal/overlap.(*barrier)."),
	[]byte("labs/internal/overlap.(*readers)."),
}

// inBookkeeping reports whether a goroutine waits for a mutex of this
// package's own counts (bookkeeping), rather than for one of the program's.
func inBookkeeping(block []byte) bool {
	state, _ := goroutineState(block)
	if state != "sync.Mutex.Lock" && state != "semacquire" {
		return false
	}
	for _, f := range bookkeeping {
		if bytes.Contains(block, f) {
			return true
		}
	}
	return false
}

// others splits a runtime.Stack dump into its goroutines' blocks, the
// dump taker's (always first) left out.
func others(dump []byte) [][]byte {
	var blocks [][]byte
	for block := range bytes.SplitSeq(dump, []byte("\n\n")) {
		if _, ok := goroutineState(block); ok {
			blocks = append(blocks, block)
		}
	}
	if len(blocks) > 0 {
		blocks = blocks[1:]
	}
	return blocks
}

// spinning reports whether a goroutine's block shows it running or
// runnable anywhere but in one of this package's waits.
func spinning(block []byte) bool {
	state, _ := goroutineState(block)
	return (state == "running" || state == "runnable") && !ours(block) && !inGathering(block)
}

// The frames that mark racelab's own waits.
const (
	settleWait = "labs/internal/overlap.settle.wait("
	// A caller of a gathering counts only once it waits in await: in
	// enter it is still on its way.
	gatherWait = "labs/internal/overlap.(*gathering).await("
)

// settled is a Settle's rule: a goroutine has gone as far as it can when it
// is blocked on something of the program's own, waits in another Settle
// (for the same thing), or reads a dump aside (unseen.Frame; it stops by
// itself). A caller waiting in a gathering has not, even blocked in its
// select: it leaves by itself, once it sees the others parked (a Settle
// among them) or at its timeout, and goes on, and a Settle must wait for
// where it goes.
func settled(block []byte) bool {
	if inGathering(block) {
		return false
	}
	return ours(block) || blocked(block)
}

// bringsNoOne is a gathering's rule: a goroutine can bring no one when it is
// blocked on something of the program's own, or is in one of racelab's
// waits (a Settle, or a caller already waiting, in this gathering or
// another).
func bringsNoOne(block []byte) bool {
	return ours(block) || inGathering(block) || blocked(block)
}

// inGathering reports whether a goroutine is a counted caller waiting in a
// gathering.
func inGathering(block []byte) bool { return bytes.Contains(block, []byte(gatherWait)) }

// ours reports whether a goroutine is in a Settle or reads a dump aside.
func ours(block []byte) bool {
	return bytes.Contains(block, []byte(settleWait)) || bytes.Contains(block, []byte(unseen.Frame))
}

// goroutineState returns the state in a dump header such as
// "goroutine 7 [chan send, 2 minutes]:" ("chan send").
func goroutineState(line []byte) (string, bool) {
	rest, ok := bytes.CutPrefix(line, []byte("goroutine "))
	if !ok {
		return "", false
	}
	_, rest, ok = bytes.Cut(rest, []byte(" ["))
	if !ok {
		return "", false
	}
	state, _, ok := bytes.Cut(rest, []byte("]"))
	if !ok {
		return "", false
	}
	state, _, _ = bytes.Cut(state, []byte(","))
	return string(state), true
}
