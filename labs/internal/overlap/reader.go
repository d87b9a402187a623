package overlap

import (
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/racelab/racelab/checker/protocol"
)

// readers gathers readers of shared data, to see whether the program lets
// them in together.
type readers struct {
	*gathering
	err error
}

var theReaders = newReaders()

// newReaders is configured by protocol.EnvReaders=K: Reader gathers up to K
// readers (waiting at most RACELAB_WINDOW_WAIT), and a program that never
// had K inside together has a fix of another kind.
func newReaders() *readers {
	r := &readers{gathering: newGathering(0, DefaultWindowWait)}
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
	return r
}

// Reader marks the inside of a read-only section of a lab's program, where
// a correct fix of the lab's kind lets many readers in at once (an RWMutex's
// RLock). Under a script that sets RACELAB_READERS=K it gathers readers
// there, like Window; a fix that lets only one reader in at a time (a plain
// Mutex) is correct, goes on at once, and is told it is another kind.
func Reader() { theReaders.enter() }

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
