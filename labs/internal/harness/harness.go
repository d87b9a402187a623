// Package harness is the shared test harness of every racelab lab. A lab's
// lab_test.go is a few lines:
//
//	func TestMain(m *testing.M) { harness.Main(m, "bank", main) }
//	func TestLab(t *testing.T)  { harness.Run(t) }
//
// Main turns the lab's main function into the command "bank" for its
// testscript scripts (testdata/*.txtar), running inside the race-enabled
// test binary, and wraps it so that what a plain program run cannot show
// becomes a failure with its own exit code and a "racelab: REASON:" line on
// stderr: goroutines still running when main returns (leak), a program that
// never finishes (deadlock, with a goroutine dump), and tasks that never ran
// at the same time (not concurrent; see package overlap). A data race makes
// the race runtime exit with code 66 and print "WARNING: DATA RACE".
//
// Run runs the static checks of package labvet on the student's file and then
// the lab's scripts.
package harness

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
	"go.uber.org/goleak"

	"github.com/racelab/racelab/labs/internal/overlap"
)

// Exit codes of a lab program run by the harness. 66 is the race runtime's
// own code for "a data race was reported".
const (
	ExitRace          = 66
	ExitLeak          = 67
	ExitDeadlock      = 68
	ExitNotConcurrent = 69
)

// Markers open the harness's own failure lines on stderr, so that the
// checker can tell why a run failed without guessing from exit codes.
const (
	MarkLeak          = "racelab: goroutine leak:"
	MarkDeadlock      = "racelab: deadlock:"
	MarkNotConcurrent = "racelab: not concurrent:"
	MarkWrongOutput   = "racelab: wrong output:"
	MarkStatic        = "racelab: wrong fix:"
)

// EnvWatchdog names the environment variable that sets how long a lab
// program may run before it is declared stuck (a Go duration).
const EnvWatchdog = "RACELAB_WATCHDOG"

// DefaultWatchdog is generous for programs that finish in milliseconds, even
// on a loaded machine, and short enough that a deadlocked lab fails quickly.
const DefaultWatchdog = 5 * time.Second

// Main is the TestMain of a lab: it makes program available to the lab's
// scripts as the command name, and checks the test process itself for
// leaked goroutines. It never returns.
func Main(m *testing.M, name string, program func()) {
	if !raceEnabled {
		fmt.Fprintln(os.Stderr, "racelab: the labs must run under the race detector: run `go test -race ./labs/...` (or `make lab N=1`)")
		os.Exit(2)
	}
	testscript.Main(leakCheckedM{m}, map[string]func(){
		name: func() { os.Exit(runProgram(program)) },
	})
}

// leakCheckedM runs the tests under goleak.VerifyTestMain, capturing the
// exit code instead of exiting, because testscript.Main exits itself.
type leakCheckedM struct{ m *testing.M }

func (l leakCheckedM) Run() (code int) {
	goleak.VerifyTestMain(l.m, goleak.Cleanup(func(c int) { code = c }))
	theProver.emit(os.Stdout, code)
	return code
}

// runProgram runs the student's main under a watchdog, then checks for
// leaked goroutines and for the overlap the script asked for. The leak
// check also waits for straggling goroutines, so their races are reported
// before the process exits even with GORACE=atexit_sleep_ms=0.
func runProgram(program func()) int {
	limit := DefaultWatchdog
	if v := os.Getenv(EnvWatchdog); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			fmt.Fprintf(os.Stderr, "racelab: %s=%q: want a positive duration such as 5s\n", EnvWatchdog, v)
			return 2
		}
		limit = d
	}
	before := goleak.IgnoreCurrent()
	watchdog := time.AfterFunc(limit, func() {
		fmt.Fprintf(os.Stderr, "%s the program did not finish within %v: its goroutines are all waiting (or one loops forever). Where each goroutine is:\n%s",
			MarkDeadlock, limit, goroutineDump())
		os.Exit(ExitDeadlock)
	})
	program()
	watchdog.Stop()

	if err := goleak.Find(before); err != nil {
		fmt.Fprintf(os.Stderr, "%s main returned while goroutines were still running or blocked; each one is listed below with where it is stuck.\n%v\n", MarkLeak, err)
		return ExitLeak
	}
	if err := overlap.Check(); err != nil {
		fmt.Fprintf(os.Stderr, "%s %v: a fix must keep the work concurrent; do not remove `go` or hold a lock around the whole task\n", MarkNotConcurrent, err)
		return ExitNotConcurrent
	}
	if err := overlap.CheckWindow(); err != nil {
		fmt.Fprintf(os.Stderr, "%s %v\n", MarkNotConcurrent, err)
		return ExitNotConcurrent
	}
	return 0
}

func goroutineDump() string {
	buf := make([]byte, 1<<16)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			return string(buf[:n])
		}
		buf = make([]byte, 2*len(buf))
	}
}

// Option configures Run.
type Option func(*config)

type config struct {
	wants map[string]WantFunc
	cmds  map[string]func(ts *testscript.TestScript, neg bool, args []string)
}

// WantFunc computes the output a correct program prints for the given
// script arguments, one line per expected line.
type WantFunc func(args []string) (string, error)

// Want registers an expectation for the script command `want NAME ARGS...`,
// which fails unless every line that fn returns for ARGS appears, in order,
// as a whole line of the last command's stdout. Labs use it so that
// expected values are computed from inputs that change from run to run, and
// a hard-coded answer cannot pass.
func Want(name string, fn WantFunc) Option {
	return func(c *config) { c.wants[name] = fn }
}

// Command adds a lab-specific script command.
func Command(name string, fn func(ts *testscript.TestScript, neg bool, args []string)) Option {
	return func(c *config) { c.cmds[name] = fn }
}

// Run runs the lab in the current directory: the static checks of its
// student file, then every script in testdata.
func Run(t *testing.T, opts ...Option) {
	caller := callerFile()
	c := &config{wants: map[string]WantFunc{}, cmds: map[string]func(*testscript.TestScript, bool, []string){}}
	for _, o := range opts {
		o(c)
	}
	static := t.Run("static", runStatic)
	var started atomic.Int64 // scripts set up, to notice any left out by -test.run
	scripts := t.Run("scripts", func(t *testing.T) {
		cmds := map[string]func(*testscript.TestScript, bool, []string){"want": c.want}
		for name, fn := range c.cmds {
			cmds[name] = fn
		}
		testscript.Run(t, testscript.Params{
			Dir:                 "testdata",
			RequireExplicitExec: true,
			RequireUniqueNames:  true,
			Setup: func(env *testscript.Env) error {
				started.Add(1)
				return setup(env)
			},
			Condition: condition,
			Cmds:      cmds,
		})
	})
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txtar"))
	theProver.record(caller, static && scripts && len(files) > 0 && started.Load() == int64(len(files)))
}

func (c *config) want(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 1 {
		ts.Fatalf("usage: want NAME [ARGS...]")
	}
	fn, ok := c.wants[args[0]]
	if !ok {
		ts.Fatalf("want %s: no such expectation registered by the lab's harness.Run", args[0])
	}
	expected, err := fn(args[1:])
	if err != nil {
		ts.Fatalf("want %s: %v", args[0], err)
	}
	missing, ok := findLines(ts.ReadFile("stdout"), expected)
	switch {
	case !ok && !neg:
		ts.Fatalf("%s expected the line %q in the program's output; it printed:\n%s", MarkWrongOutput, missing, indent(ts.ReadFile("stdout")))
	case ok && neg:
		ts.Fatalf("the program's output unexpectedly holds every expected line")
	}
}

// findLines reports whether every line of want appears, in order, as a
// whole line of got (trailing space ignored), and the first that does not.
func findLines(got, want string) (missing string, ok bool) {
	lines := strings.Split(strings.TrimRight(got, "\n"), "\n")
	i := 0
	for _, line := range strings.Split(strings.TrimRight(want, "\n"), "\n") {
		for i < len(lines) && strings.TrimRight(lines[i], " \t\r") != line {
			i++
		}
		if i == len(lines) {
			return line, false
		}
		i++
	}
	return "", true
}

func indent(s string) string {
	var b bytes.Buffer
	for _, line := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		b.WriteString("\t" + line + "\n")
	}
	return b.String()
}

func condition(cond string) (bool, error) {
	switch cond {
	case "race":
		return raceEnabled, nil
	}
	return false, fmt.Errorf("unknown condition %q (racelab knows: race)", cond)
}
