package protocol

import (
	"regexp"
	"strings"
)

// Reason is why a lab run failed: the one vocabulary of make lab, verify
// and grade.
type Reason string

// The reasons. Order lists them from the most to the least telling.
const (
	Pass          Reason = "pass"
	Build         Reason = "build"          // the program does not compile
	Refused       Reason = "refused"        // the static checks refused a file: it was never built
	Race          Reason = "race"           // the race detector reported a data race
	Leak          Reason = "leak"           // goroutines outlived main
	Deadlock      Reason = "deadlock"       // the program never finished
	NotConcurrent Reason = "not-concurrent" // the tasks never ran at the same time
	BusyWait      Reason = "busy-wait"      // a goroutine spun, running, while it should have been blocked waiting
	Crash         Reason = "crash"          // a panic or a fatal error other than a map race
	EarlyExit     Reason = "early-exit"     // the program ended without returning from main
	OutputLimit   Reason = "output-limit"   // the program printed more than a run may
	WrongOutput   Reason = "wrong-output"   // the program printed the wrong answer
	WrongFix      Reason = "wrong-fix"      // the static checks rejected the fix
	Timeout       Reason = "timeout"        // a run was stopped by the wall clock
	Missed        Reason = "missed"         // a testing lab: the student's test passed against an implementation with a bug
	FalseAlarm    Reason = "false-alarm"    // a testing lab: the student's test failed against a correct implementation
	Unwaited      Reason = "unwaited"       // run returned before its goroutines were done
	Fail          Reason = "fail"           // failed, for no reason racelab recognises
	// OtherKind is not a failure of the program: it works, but the fix is
	// not the kind the lab teaches (a sync.Mutex where the lab practises
	// an RWMutex's shared readers, ...). It is told only when nothing
	// failed, and earns the lab's other_points.
	OtherKind Reason = "other-kind"
)

// Order is the precedence of the reasons: a shipped program often fails for
// several at once (it races, and its file does not use the fix the lab asks
// for yet), and the first of Order that applies is the one to tell.
func Order() []Reason {
	return []Reason{Build, Refused, Race, Leak, Deadlock, NotConcurrent, BusyWait, Crash, EarlyExit,
		OutputLimit, Unwaited, FalseAlarm, Missed, WrongOutput, WrongFix, Timeout, Fail, OtherKind}
}

// Rank is r's place in Order (len(Order()) for a reason not in it).
func Rank(r Reason) int {
	for i, x := range Order() {
		if x == r {
			return i
		}
	}
	return len(Order())
}

// Sort puts reasons in precedence order and drops duplicates and Pass.
func Sort(rs []Reason) []Reason {
	var out []Reason
	for _, r := range Order() {
		for _, x := range rs {
			if x == r {
				out = append(out, r)
				break
			}
		}
	}
	return out
}

// Primary is the most telling of reasons, Pass when there is none.
func Primary(rs []Reason) Reason {
	if s := Sort(rs); len(s) > 0 {
		return s[0]
	}
	return Pass
}

// crashLine matches the runtime's own last words, which start a line of
// the program's stderr.
var crashLine = regexp.MustCompile(`(?m)^(panic: |fatal error: )`)

// Classify says why one run of a program failed, from what a judge sees
// of it from outside: how it ended and what it printed on stderr. It
// returns nil for a run that passed (ExitChecked, no limit hit).
func Classify(r Run) []Reason {
	switch r.Limit {
	case LimitOutput:
		return []Reason{OutputLimit}
	case LimitWall:
		return []Reason{Timeout}
	}
	if r.Exit == ExitChecked {
		return nil
	}
	var out []Reason
	race := r.Exit == ExitRace || strings.Contains(r.Stderr, "WARNING: DATA RACE") ||
		strings.Contains(r.Stderr, "fatal error: concurrent map")
	if race {
		out = append(out, Race)
	}
	if r.Exit == ExitLeak {
		out = append(out, Leak)
	}
	if r.Exit == ExitDeadlock || strings.Contains(r.Stderr, "all goroutines are asleep - deadlock") {
		out = append(out, Deadlock)
	}
	if r.Exit == ExitNotConcurrent {
		out = append(out, NotConcurrent)
	}
	if r.Exit == ExitBusyWait {
		out = append(out, BusyWait)
	}
	if r.Exit == ExitUnwaited {
		out = append(out, Unwaited)
	}
	if r.Exit == ExitOtherKind {
		out = append(out, OtherKind)
	}
	if !race && crashLine.MatchString(r.Stderr) && !strings.Contains(r.Stderr, "all goroutines are asleep") {
		out = append(out, Crash)
	}
	if r.Exit == 0 {
		out = append(out, EarlyExit)
	}
	if len(out) == 0 {
		out = append(out, Fail)
	}
	return out
}

// testTimedOut is how the testing package ends a test binary that ran past
// its -test.timeout.
var testTimedOut = regexp.MustCompile(`(?m)^panic: test timed out after `)

// ClassifyTest says why one run of a testing lab's test binary (the
// student's test, built against one implementation) failed, or nil when
// the test passed (exit 0). Against a correct implementation every reason
// is the test's fault: its own race, its hang, or a failure that is a
// false alarm. Against an implementation with a bug, any failure is the
// test catching it, and only nil (Missed) is wrong: the judge decides that,
// since only it knows which implementation ran.
func ClassifyTest(r Run) []Reason {
	switch r.Limit {
	case LimitOutput:
		return []Reason{OutputLimit}
	case LimitWall:
		return []Reason{Timeout}
	}
	if r.Exit == 0 {
		return nil
	}
	switch {
	case r.Exit == ExitRace || strings.Contains(r.Stderr, "WARNING: DATA RACE") || strings.Contains(r.Stdout, "WARNING: DATA RACE"):
		return []Reason{Race}
	case testTimedOut.MatchString(r.Stdout) || testTimedOut.MatchString(r.Stderr):
		return []Reason{Deadlock}
	}
	return []Reason{FalseAlarm}
}
