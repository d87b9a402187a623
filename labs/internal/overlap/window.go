package overlap

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/racelab/racelab/checker/protocol"
)

// DefaultWindowWait is the longest a caller waits in Window. A correct
// program pays it once per caller that holds a lock across the window, so it
// is kept short; a broken one lines its callers up within microseconds.
const DefaultWindowWait = 500 * time.Millisecond

type window struct {
	*gathering
	optional bool
	min      int // protocol.EnvWindowMin: the fix is another kind when fewer were ever inside together
	err      error
}

// theWindow is per process, and configured as early, as theBarrier.
var theWindow = newWindow()

// newWindow makes a window configured by the environment:
// protocol.EnvWindow callers are gathered (unset: Window does nothing), for
// at most protocol.EnvWindowWait (default DefaultWindowWait);
// protocol.EnvWindowOptional=1 lets a run never reach Window.
func newWindow() *window {
	w := &window{gathering: newGathering(0, DefaultWindowWait)}
	if v := os.Getenv(protocol.EnvWindowWait); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			w.err = fmt.Errorf("%s=%q: want a positive duration such as 500ms", protocol.EnvWindowWait, v)
			return w
		}
		w.wait = d
	}
	for _, setting := range []struct {
		name string
		into *int
	}{{protocol.EnvWindow, &w.want}, {protocol.EnvWindowMin, &w.min}} {
		if v := os.Getenv(setting.name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 {
				w.err = fmt.Errorf("%s=%q: want a whole number of callers, at least 1", setting.name, v)
				return w
			}
			*setting.into = n
		}
	}
	w.optional, w.err = onOff(os.Getenv, protocol.EnvWindowOptional)
	return w
}

// Window marks the gap between a check and the act that depends on it (read
// the balance ... write the balance; lock one account ... lock the other).
// Under a script that sets RACELAB_WINDOW=K it holds each caller until K
// callers are inside together (or nobody else can come, or
// RACELAB_WINDOW_WAIT has passed), so a program that leaves the gap
// unprotected shows its wrong result or its deadlock every time instead of
// once in a while. Unlike Work, Window never fails a run: a correct
// program, which lets only one caller into the gap, goes on as soon as the
// others are blocked. Under RACELAB_WINDOW_MIN=M, a program that never had
// M callers in the gap together (one lock around everything) has a fix of
// another kind: CheckKind says so.
func Window() { theWindow.enter() }

// CheckWindow reports a misconfigured window, and a script that set
// RACELAB_WINDOW for a program that never called Window: where the call sits
// in the student's file it never fails a run by itself, so deleting it would
// otherwise quietly switch the check-then-act test off. RACELAB_WINDOW_OPTIONAL=1
// waives this for a window kept in a fixture.
func CheckWindow() error { return theWindow.check() }

func (w *window) check() error {
	if w.err != nil {
		return w.err
	}
	if entered, _ := w.counts(); w.want > 0 && entered == 0 && !w.optional {
		return errWindowSkipped
	}
	return nil
}

// errWindowSkipped says what to do about a removed Window call.
var errWindowSkipped = errors.New("the program never reached the step between its check and its act that the lab watches (a call to one of the program's fixture functions was removed or skipped), so the lab cannot tell whether the goroutines are safe there: keep every call of the shipped program to its fixture functions")
