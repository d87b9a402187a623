// Package program runs a lab's program under the checks that only the
// program's own process can make of itself. Every lab program's fixture has
// the same main:
//
//	func main() { program.Main(run) }
//
// and the student's file holds run. Run by hand (go run ./labs/08-mutex/bank)
// the program just calls run. Started by a judge (RACELAB_JUDGED=1), Main
// also
//
//   - stops a program that does not finish within RACELAB_WATCHDOG (default
//     5s) of starting, init included, printing where every goroutine is: a
//     deadlock (ExitDeadlock);
//   - after run returns, waits briefly for goroutines still running, then
//     reports those still there: a leak (ExitLeak);
//   - asks package overlap whether the tasks ran at the same time as the
//     script demanded, and counts the goroutines run started against
//     RACELAB_MIN_GOROUTINES (ExitNotConcurrent);
//   - and only when all of that passed exits with protocol.ExitChecked.
//
// A data race ends the process at once with protocol.ExitRace (the judge
// sets GORACE). The judge trusts none of this blindly: see protocol for why a
// program cannot fake ExitChecked, and docs/architecture.md for what else it
// could try.
package program

import (
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"time"

	"go.uber.org/goleak"

	"github.com/racelab/racelab/checker/protocol"
	"github.com/racelab/racelab/labs/internal/overlap"
	"github.com/racelab/racelab/labs/internal/unseen"
)

// DefaultWatchdog is generous for programs that finish in milliseconds, even
// on a loaded machine, and short enough that a deadlocked lab fails quickly.
const DefaultWatchdog = 5 * time.Second

// settings are read while the package is initialised: before package main,
// so before any of the student's code (an init included) can change the
// environment.
type settings struct {
	judged        bool
	watchdog      time.Duration
	minGoroutines uint64 // goroutines run must start; 0: no demand
	measure       bool   // print how many it started, and how long it took
	err           error
	// cut ends the program's standard output when run returns (cutStdout;
	// tests of this package, whose own output is the test's, fake it).
	cut func() (cut func(), printedAfter func() int64)
}

var theSettings = readSettings(os.Getenv)

// theWatchdog starts with the process, not with Main: an init of the
// student's that never returns is stopped too.
var theWatchdog *time.Timer

func init() {
	if theSettings.judged && theSettings.err == nil {
		theWatchdog = startWatchdog(theSettings.watchdog)
	}
}

// startWatchdog ends the program, with a dump of every goroutine, once it
// has run for limit.
func startWatchdog(limit time.Duration) *time.Timer {
	return time.AfterFunc(limit, func() {
		fmt.Fprintf(os.Stderr, "%s the program did not finish within %v: its goroutines are all waiting (or one loops forever). Where each goroutine is:\n%s",
			protocol.MarkDeadlock, limit, goroutineDump())
		os.Exit(protocol.ExitDeadlock)
	})
}

func readSettings(getenv func(string) string) settings {
	s := settings{judged: getenv(protocol.EnvJudged) == "1", watchdog: DefaultWatchdog, measure: getenv(protocol.EnvMeasure) == "1", cut: cutStdout}
	if v := getenv(protocol.EnvMinGoroutines); v != "" {
		n, err := strconv.ParseUint(v, 10, 32)
		if err != nil {
			s.err = fmt.Errorf("%s=%q: want a whole number of goroutines", protocol.EnvMinGoroutines, v)
			return s
		}
		s.minGoroutines = n
	}
	if v := getenv(protocol.EnvWatchdog); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			s.err = fmt.Errorf("%s=%q: want a positive duration such as 5s", protocol.EnvWatchdog, v)
		} else {
			s.watchdog = d
		}
	}
	return s
}

// Main runs run, under the lab's checks when a judge started the program.
// When judged it never returns.
func Main(run func()) {
	if !theSettings.judged {
		run()
		return
	}
	os.Exit(judged(theSettings, theWatchdog, run))
}

// judged runs run under the checks, the watchdog already running, and
// returns the exit code.
func judged(s settings, watchdog *time.Timer, run func()) int {
	if s.err != nil {
		return badSetting(s.err)
	}
	if err := overlap.Err(); err != nil {
		return badSetting(err)
	}
	if watchdog == nil {
		watchdog = startWatchdog(s.watchdog)
	}
	if s.minGoroutines > 0 || s.measure {
		// The collector starts goroutines of its own at its first cycle:
		// not the program's, so that cycle happens before counting.
		runtime.GC()
	}
	cut, printedAfter := s.cut()
	before := goleak.IgnoreCurrent()
	aside, created := unseen.Started(), goroutinesCreated()
	start := time.Now()
	run()
	cut()
	overlap.Returned() // the answers run no longer waits for come now (overlap.Late)
	// The goroutines racelab's waits started to read their dumps
	// (unseen.Do) are not the program's.
	aside = unseen.Started() - aside
	started := goroutinesCreated() - created - aside
	took := time.Since(start)
	watchdog.Stop()
	if s.measure {
		fmt.Fprintf(os.Stderr, "%s the program started %d goroutines in %v\n", protocol.MarkMeasured, started, took)
	}

	// goleak.Find retries for a while before it reports, so goroutines that
	// are just finishing are waited for, and their races reported, rather
	// than cut off when the process exits. It runs aside (unseen.Do): each
	// retry reads every goroutine's stack, and on main's goroutine that
	// would push run's last accesses out of the race detector's memory, so
	// a straggler's write racing with them would go unreported.
	if err := unseen.Do(func() error { return goleak.Find(before) }); err != nil {
		fmt.Fprintf(os.Stderr, "%s main returned while goroutines were still running or blocked; each one is listed below with where it is stuck.\n%v\n", protocol.MarkLeak, err)
		return protocol.ExitLeak
	}
	if n := printedAfter(); n > 0 {
		fmt.Fprintf(os.Stderr, "%s run returned while its goroutines were still working: they printed %d more bytes after it, which a real program loses (its process ends when main returns). Wait for them (a sync.WaitGroup, a channel) before run returns\n",
			protocol.MarkUnwaited, n)
		return protocol.ExitUnwaited
	}
	if started < s.minGoroutines {
		fmt.Fprintf(os.Stderr, "%s the program started %d goroutines, but a correct fix starts %d: keep every goroutine (do not remove a go statement, do not run the work in run itself)\n",
			protocol.MarkNotConcurrent, started, s.minGoroutines)
		return protocol.ExitNotConcurrent
	}
	if err := overlap.Check(); err != nil {
		fmt.Fprintf(os.Stderr, "%s %v: a fix must keep the work concurrent; do not remove `go` or hold a lock around the whole task\n", protocol.MarkNotConcurrent, err)
		return protocol.ExitNotConcurrent
	}
	if why := overlap.CheckBusy(); why != "" {
		fmt.Fprintf(os.Stderr, "%s %s\n", protocol.MarkBusyWait, why)
		return protocol.ExitBusyWait
	}
	if err := overlap.CheckWindow(); err != nil {
		fmt.Fprintf(os.Stderr, "%s %v\n", protocol.MarkNotConcurrent, err)
		return protocol.ExitNotConcurrent
	}
	if why := overlap.CheckKind(); why != "" {
		fmt.Fprintf(os.Stderr, "%s the program works, but %s\n", protocol.MarkOtherKind, why)
		return protocol.ExitOtherKind
	}
	return protocol.ExitChecked
}

// goroutinesCreated counts the goroutines the process has started so far,
// with runtime/metrics, which the race detector does not see: counting
// adds no synchronisation that could hide the race the lab is about.
func goroutinesCreated() uint64 {
	s := []metrics.Sample{{Name: "/sched/goroutines-created:goroutines"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

func badSetting(err error) int {
	fmt.Fprintf(os.Stderr, "%s %v (a mistake in the lab's script: tell your instructor)\n", protocol.MarkBadSetting, err)
	return protocol.ExitBadSetting
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
