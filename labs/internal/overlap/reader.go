package overlap

import (
	"fmt"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/racelab/racelab/checker/protocol"
	"github.com/racelab/racelab/labs/internal/unseen"
)

// readers gathers readers of shared data, to see whether the program lets
// them in together.
type readers struct {
	*gathering
	readFirst bool          // protocol.EnvReadFirst=1: Writer waits for a reader
	came      chan struct{} // closed when the first reader comes to Reader
	once      sync.Once
	err       error
}

var theReaders = newReaders()

// newReaders is configured by protocol.EnvReaders=K: Reader gathers up to K
// readers (waiting at most RACELAB_WINDOW_WAIT), and a program that never
// had K inside together has a fix of another kind.
func newReaders() *readers {
	r := &readers{gathering: newGathering(0, DefaultWindowWait), came: make(chan struct{})}
	if v := os.Getenv(protocol.EnvWindowWait); v != "" {
		if d, err := time.ParseDuration(v); err == nil && d > 0 {
			r.wait = d // a malformed value is the window's to report
		}
	}
	if v := os.Getenv(protocol.EnvReaders); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			r.err = fmt.Errorf("%s=%q: want a whole number of readers, at least 1", protocol.EnvReaders, v)
			return r
		}
		r.want = n
	}
	r.readFirst, r.err = onOff(os.Getenv, protocol.EnvReadFirst)
	return r
}

// Reader marks the inside of a read-only section of a lab's program, where
// a correct fix of the lab's kind lets many readers in at once (an RWMutex's
// RLock). Under a script that sets RACELAB_READERS=K it gathers readers
// there, like Window; a fix that lets only one reader in at a time (a plain
// Mutex) is correct, goes on at once, and is told it is another kind.
func Reader() {
	theReaders.arrive()
	theReaders.enter()
}

// arrive lets Writer go on. Hidden from the race detector like the
// gathering: a reader reaching Reader orders nothing between it and the
// writer, and a race across it must stay a race.
//
//go:norace
func (r *readers) arrive() {
	if !r.readFirst {
		return
	}
	unseen.Hide()
	defer unseen.Show()
	r.once.Do(func() { close(r.came) })
}

// Writer marks the slow step before a write to the data Reader's callers
// read, taken before the writer locks anything. Under a script that sets
// RACELAB_READ_FIRST=1 it waits until a reader has come to Reader (or nobody
// else can come, or RACELAB_WINDOW_WAIT has passed), so that the writes come
// while readers read, every run. A reader that reads outside its lock (a
// map copied under RLock and read after RUnlock) then races with a write
// every run, rather than only when the scheduler lets a reader in before
// the writer is done; a correct reader holds its lock in Reader, and the
// writer's lock waits for it.
func Writer() { theReaders.writer() }

//go:norace
func (r *readers) writer() {
	if !r.readFirst {
		return
	}
	// The timers are made, and stopped, outside the hidden waits: their
	// own synchronisation must stay seen (unseen.Hide).
	timeout := time.NewTimer(r.wait)
	defer timeout.Stop()
	poll := time.NewTicker(parkedPoll)
	defer poll.Stop()
	unseen.Hide()
	defer unseen.Show()
	waitFor(r.came, timeout.C, poll.C)
}

// CheckKind reports, in words for the student, a demand of the lab's kind
// of fix the run did not meet: readers that never shared the data, a
// check-then-act gap only one caller at a time ever reached. It is not a
// failure: the program works. "" when every demand was met.
func CheckKind() string {
	if r := theReaders; r.want > 0 {
		if _, most := r.counts(); most < r.want {
			return fmt.Sprintf("at most %d of %d readers were ever reading at the same time: readers waited for each other although none of them writes (a sync.RWMutex's RLock lets them in together)", most, r.want)
		}
	}
	if w := theWindow; w.min > 0 {
		if _, most := w.counts(); most < w.min {
			return fmt.Sprintf("at most %d caller(s) were ever between the check and the act at the same time, where %d could be: one lock around everything makes every caller wait for every other", most, w.min)
		}
	}
	return ""
}
