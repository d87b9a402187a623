// Package stability checks that a lab which just passed keeps passing: the
// student's program run many more times, alternately on one thread (where
// goroutines only interleave) and two (where they run in parallel), with a
// core kept busy as on a loaded grading machine. A fix that only shifted
// the timing (a sleep, a lucky order) passes once and fails here.
//
// It judges the way checker verify and the grader do (checker/internal/run:
// the judge built once, the program built once, then run.Judge K times), not
// by running go test K times, which would rebuild both every time.
package stability

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/racelab/racelab/checker/internal/run"
	"github.com/racelab/racelab/checker/lab"
	"github.com/racelab/racelab/checker/protocol"
)

// DefaultRuns is how many runs a check makes unless told otherwise: as many
// as the instructor's proof of a lab (checker verify -count 20).
const DefaultRuns = 20

// Outcome is what a check found.
type Outcome struct {
	Runs     int // runs made
	Failures int // of which failed
	// First is the first failing run (nil when none failed), and Cond
	// the condition it ran under, e.g. "GOMAXPROCS=1 under load".
	First *run.Result
	Cond  string
}

// Stable reports whether every run passed.
func (o Outcome) Stable() bool { return o.Failures == 0 }

// OneIn is the failure rate as "1 in n", rounded to the nearest n.
func (o Outcome) OneIn() int {
	if o.Failures == 0 {
		return 0
	}
	return max(1, (o.Runs+o.Failures/2)/o.Failures)
}

// Checker checks labs from one repository. It keeps each lab's judge, which
// holds no student code, so that checking the same lab again after another
// save builds only the program. The zero value is not usable: see New.
type Checker struct {
	root string
	tmp  string

	mu     sync.Mutex
	judges map[string]string // lab name -> judge binary
}

// New returns a Checker for the repository at root; Close removes what it
// built.
func New(root string) (*Checker, error) {
	tmp, err := os.MkdirTemp("", "racelab-stability-")
	if err != nil {
		return nil, fmt.Errorf("a folder for the stability check: %w", err)
	}
	return &Checker{root: root, tmp: tmp, judges: map[string]string{}}, nil
}

// Close removes the binaries the checker built.
func (c *Checker) Close() error { return os.RemoveAll(c.tmp) }

// Check runs lab l's program, as its files are now, runs times (alternating
// GOMAXPROCS=1 and 2) with one core kept busy, calling progress (if not
// nil) after each run. It stops early only when ctx ends, with ctx's error.
func (c *Checker) Check(ctx context.Context, l *lab.Lab, runs int, progress func(done, failures int)) (Outcome, error) {
	judge, err := c.judge(ctx, l)
	if err != nil {
		return Outcome{}, err
	}
	dir, err := os.MkdirTemp(c.tmp, l.Name()+"-")
	if err != nil {
		return Outcome{}, err
	}
	defer os.RemoveAll(dir)
	bin := l.ProgramPath(filepath.Join(dir, l.Program))
	built, err := run.BuildProgram(ctx, c.root, l, bin, run.CompileOptions{})
	if err != nil {
		return Outcome{}, err
	}
	if !built.Passed() {
		// The file changed since it passed: not this check's business.
		return Outcome{}, fmt.Errorf("the program no longer builds: %s", firstLine(built.Output))
	}

	stop := hog()
	defer stop()
	var out Outcome
	for i := range runs {
		procs := 1 + i%2
		r, err := run.Judge(ctx, judge, l, run.JudgeOptions{
			Program: bin,
			Env:     []string{fmt.Sprintf("GOMAXPROCS=%d", procs)},
		})
		if ctx.Err() != nil {
			return out, ctx.Err()
		}
		if err != nil {
			return out, err
		}
		out.Runs++
		if !r.Passed() {
			out.Failures++
			if out.First == nil {
				out.First = &r
				out.Cond = fmt.Sprintf("GOMAXPROCS=%d, %s", procs, protocol.Primary(r.Reasons))
			}
		}
		if progress != nil {
			progress(out.Runs, out.Failures)
		}
	}
	return out, nil
}

// judge builds lab l's judge once per Checker.
func (c *Checker) judge(ctx context.Context, l *lab.Lab) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if bin, ok := c.judges[l.Name()]; ok {
		return bin, nil
	}
	bin := lab.Exe(filepath.Join(c.tmp, l.Name()+".judge"))
	if err := run.BuildJudge(ctx, c.root, l, bin); err != nil {
		return "", err
	}
	c.judges[l.Name()] = bin
	return bin, nil
}

// hog keeps one core busy until stopped: on a machine of two, the program
// gets the other, as on a grading machine running another student's work.
func hog() (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		runtime.LockOSThread()
		for {
			select {
			case <-done:
				return
			default:
				for i := 0; i < 1_000_000; i++ {
					_ = i * i
				}
			}
		}
	})
	return func() { close(done); wg.Wait() }
}

func firstLine(s string) string {
	for i, c := range s {
		if c == '\n' {
			return s[:i]
		}
	}
	return s
}
