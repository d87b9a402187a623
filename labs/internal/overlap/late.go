package overlap

import (
	"os"
	"sync"
	"time"

	"github.com/racelab/racelab/checker/protocol"
)

// late is the answer that comes after the program stopped waiting for it.
type late struct {
	judged   bool // protocol.EnvLate=1
	err      error
	returned chan struct{}
	once     sync.Once
}

// theLate is per process, and configured as early, as theBarrier.
var theLate = newLate()

func newLate() *late { return newLateFrom(os.Getenv) }

func newLateFrom(getenv func(string) string) *late {
	l := &late{returned: make(chan struct{})}
	l.judged, l.err = onOff(getenv, protocol.EnvLate)
	return l
}

// Late is the slow call whose answer a correct program does not wait for:
// the mirror that answers last, the replica that answers after the
// timeout. Run by hand it takes d. Under a script that sets RACELAB_LATE=1
// it returns only once the program's run has returned (Returned), so a
// program that waits for the answer (receives every answer, drains the
// slow one before it returns) never finishes, every run, rather than
// finishing a little slower than it should; a correct one returns, and the
// goroutine that made the call finishes after it.
func Late(d time.Duration) { theLate.wait(d) }

func (l *late) wait(d time.Duration) {
	if !l.judged {
		time.Sleep(d)
		return
	}
	<-l.returned
}

// Returned releases the callers of Late. program.Main calls it when run
// returns.
func Returned() { theLate.release() }

func (l *late) release() { l.once.Do(func() { close(l.returned) }) }
