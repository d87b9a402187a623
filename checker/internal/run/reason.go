// Package run runs a lab's tests exactly one way, for every caller: the
// student's `make lab`, the instructor's `checker verify` and the grader all
// get the same flags and environment from here, so that a lab never passes
// locally and fails when graded. It also decides, from a run's output, why
// the run failed.
package run

import "strings"

// Reason is why a run of a lab ended the way it did.
type Reason string

// The reasons, from the most to the least telling. A shipped program often
// fails for several at once (it races, and its file does not use the fix
// the lab asks for yet); Primary picks the first of this list that applies.
const (
	Pass          Reason = "pass"
	Build         Reason = "build"          // the code does not compile (or vet fails)
	Race          Reason = "race"           // the race detector reported a data race
	Leak          Reason = "leak"           // goroutines outlived main
	Deadlock      Reason = "deadlock"       // the program never finished
	NotConcurrent Reason = "not-concurrent" // the tasks never ran at the same time
	Crash         Reason = "crash"          // a panic or fatal error other than a map race
	WrongOutput   Reason = "wrong-output"   // the program printed the wrong answer
	WrongFix      Reason = "wrong-fix"      // the static checks rejected the fix
	Timeout       Reason = "timeout"        // the whole test run was killed for taking too long
	Fail          Reason = "fail"           // failed, for no reason racelab recognises
)

// order is the precedence Primary applies.
func order() []Reason {
	return []Reason{Build, Race, Leak, Deadlock, NotConcurrent, Crash, WrongOutput, WrongFix, Timeout, Fail}
}

// Markers the harness prints (see labs/internal/harness), repeated here
// because the checker must not import the test harness.
const (
	markLeak          = "racelab: goroutine leak:"
	markDeadlock      = "racelab: deadlock:"
	markNotConcurrent = "racelab: not concurrent:"
	markWrongOutput   = "racelab: wrong output:"
	markStatic        = "racelab: wrong fix:"
)

// Reasons lists every reason the output shows for a failed run, in
// precedence order. It never returns Pass.
func Reasons(output string, buildFailed, timedOut bool) []Reason {
	has := map[Reason]bool{
		Build:         buildFailed,
		Race:          strings.Contains(output, "WARNING: DATA RACE") || strings.Contains(output, "fatal error: concurrent map"),
		Leak:          strings.Contains(output, markLeak),
		Deadlock:      strings.Contains(output, markDeadlock) || strings.Contains(output, "all goroutines are asleep - deadlock"),
		NotConcurrent: strings.Contains(output, markNotConcurrent),
		WrongOutput: strings.Contains(output, markWrongOutput) ||
			strings.Contains(output, "no match for") || strings.Contains(output, "unexpected match for"),
		WrongFix: strings.Contains(output, markStatic),
		Timeout:  timedOut || strings.Contains(output, "panic: test timed out"),
	}
	has[Crash] = !has[Race] && !has[Timeout] && (strings.Contains(output, "\npanic: ") || strings.Contains(output, "\nfatal error: ") ||
		strings.HasPrefix(output, "panic: "))
	var out []Reason
	for _, r := range order() {
		if has[r] {
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		out = []Reason{Fail}
	}
	return out
}

// Primary is the most telling reason of a failed run.
func Primary(reasons []Reason) Reason {
	if len(reasons) == 0 {
		return Pass
	}
	return reasons[0]
}
