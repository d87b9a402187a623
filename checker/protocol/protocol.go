// Package protocol is the contract between the three parties of a lab run:
//
//   - the program (a lab's package main, built from the student's files with
//     labs/internal/program linked in): the only process student code ever
//     runs in, in a sandbox when graded;
//   - the judge (labs/internal/judge, the lab's test binary): runs the lab's
//     scripts, starts the program for each of their commands, and decides
//     the verdict from what it sees of the program from outside;
//   - the checker (make lab, verify, grade): builds both, runs the judge,
//     and reads its verdict.
//
// What they say to each other is defined here once: the program's exit
// codes and stderr markers, the RACELAB_* environment variables, how a run
// of the program is classified, and the verdict file the judge writes.
// The package imports only the standard library, because it is linked into
// every student program.
package protocol

// Exit codes of a lab program started by a judge.
//
// Success is not 0. A judged program exits with ExitChecked only when its
// main function returned to program.Main and every check the process makes
// of itself passed. No other way out of a Go program produces that code:
// returning from main is 0, a panic 2, log.Fatal 1, flag's -h 0, a data race
// ExitRace (GORACE halt_on_error), and os.Exit, which could say anything, is
// refused in student files by the static checks (labvet's confine). So a
// program that ends early to skip the checks cannot pass.
const (
	ExitChecked       = 65 // main returned and the program's own checks passed
	ExitRace          = 66 // the race runtime reported a data race (see GORACE)
	ExitLeak          = 67 // goroutines outlived main
	ExitDeadlock      = 68 // the program did not finish within its watchdog
	ExitNotConcurrent = 69 // the tasks never ran at the same time
	ExitBadSetting    = 70 // a RACELAB_* variable the program read is malformed (a lab's mistake)
	ExitOtherKind     = 71 // every check passed but a demand of the lab's kind of fix was not met (readers never overlapped, ...)
	ExitUnwaited      = 72 // run returned while its goroutines were still working: they printed after it
	ExitBusyWait      = 73 // a goroutine kept running while the program waited for an event (it spins)
)

// Markers open the lines a program or the judge prints about why a run
// failed. A program can print them too, but that only ever makes it fail:
// a pass is decided by exit status and output, never by a marker.
const (
	MarkLeak          = "racelab: goroutine leak:"
	MarkDeadlock      = "racelab: deadlock:"
	MarkNotConcurrent = "racelab: not concurrent:"
	MarkBadSetting    = "racelab: bad setting:"
	MarkWrongOutput   = "racelab: wrong output:"
	MarkStatic        = "racelab: wrong fix:"
	MarkRefused       = "racelab: refused:"
	MarkEarlyExit     = "racelab: early exit:"
	MarkLimit         = "racelab: limit:"
	MarkMeasured      = "racelab: measured:" // followed by "the program started N goroutines in D"
	MarkOtherKind     = "racelab: other kind:"
	MarkUnwaited      = "racelab: did not wait:"
	MarkBusyWait      = "racelab: busy wait:"
	MarkMissed        = "racelab: missed:"      // the student's test passed against a variant with a bug
	MarkFalseAlarm    = "racelab: false alarm:" // the student's test failed against a correct variant
	// MarkAudit opens a line a lab's fixture prints on stderr when it sees
	// a mistake the output cannot show (lab 25's auditor: an account
	// unlocked while its money was on the way). The script's `! stderr .`
	// fails the run; the mark only tells the explanation that the line is
	// the lab's report, not a debugging print of the student's.
	MarkAudit = "racelab: audit:"
)

// GORACE is the race runtime's configuration for every judged program.
// halt_on_error makes the first data race end the process with ExitRace at
// once: the program cannot hide a race by closing its stderr or by leaving
// through an exit code other than 0 (which skips the race runtime's own
// check at exit). atexit_sleep_ms=0 because program.Main waits for
// straggling goroutines itself.
const GORACE = "halt_on_error=1 exitcode=66 atexit_sleep_ms=0"

// Environment variables. Those a program reads are listed by ProgramVars;
// the others are the judge's, set by whoever runs it.
const (
	// Read by the program (labs/internal/program, labs/internal/overlap),
	// once, before any student code runs.
	EnvJudged         = "RACELAB_JUDGED"          // "1": started by a judge (exit with ExitChecked, run the checks)
	EnvWatchdog       = "RACELAB_WATCHDOG"        // how long the program may run (a Go duration)
	EnvOverlap        = "RACELAB_OVERLAP"         // tasks that must be inside overlap.Work at once
	EnvOverlapTimeout = "RACELAB_OVERLAP_TIMEOUT" // how long overlap.Work waits for them
	EnvWindow         = "RACELAB_WINDOW"          // callers overlap.Window gathers
	EnvWindowWait     = "RACELAB_WINDOW_WAIT"     // how long it waits for them
	EnvWindowOptional = "RACELAB_WINDOW_OPTIONAL" // "1": a run that never reaches Window is fine
	EnvSettle         = "RACELAB_SETTLE"          // how long overlap.Settle waits for the others to park
	EnvMinGoroutines  = "RACELAB_MIN_GOROUTINES"  // goroutines run must start (a removed go statement fails)
	EnvReaders        = "RACELAB_READERS"         // readers overlap.Reader must see inside at once, or the fix is another kind
	EnvWindowMin      = "RACELAB_WINDOW_MIN"      // callers overlap.Window must see inside at once, or the fix is another kind
	EnvMeasure        = "RACELAB_MEASURE"         // "1": print MarkMeasured (checker import measures a program)
	EnvLate           = "RACELAB_LATE"            // "1": overlap.Late returns only once run has returned
	EnvReadFirst      = "RACELAB_READ_FIRST"      // "1": overlap.Writer waits until a reader has been inside overlap.Reader

	// Read by the judge.
	EnvSeed       = "RACELAB_SEED"        // fixes $SEED and $N, to replay a run
	EnvProgram    = "RACELAB_PROGRAM"     // a program binary already built (and checked): skip the static step and the build
	EnvSandbox    = "RACELAB_SANDBOX"     // a JSON isolate.Spec: start every program in that sandbox
	EnvVerdict    = "RACELAB_VERDICT"     // write the verdict (JSON, see Verdict) to this file
	EnvSkipStatic = "RACELAB_SKIP_STATIC" // "1": the caller ran the static checks itself
	EnvMaxOutput  = "RACELAB_MAX_OUTPUT"  // bytes of stdout plus stderr a program may print (default DefaultMaxOutput)
	EnvRunLimit   = "RACELAB_RUN_LIMIT"   // wall-clock limit of one program run (default DefaultRunLimit)
)

// ProgramVars are the variables a program may see, besides GORACE and
// EnvJudged which the judge sets itself. A judge passes them on from a
// script's environment and nothing else: a program behaves the same in a
// sandbox and out of it, and learns nothing of the machine it runs on.
func ProgramVars() []string {
	return []string{
		"GOMAXPROCS", EnvWatchdog, EnvOverlap, EnvOverlapTimeout,
		EnvWindow, EnvWindowWait, EnvWindowOptional, EnvSettle, EnvMinGoroutines, EnvMeasure,
		EnvReaders, EnvWindowMin, EnvLate, EnvReadFirst,
	}
}

// ProgramEnv is the whole environment of a judged program, taking the
// variables of ProgramVars from lookup (a script's environment).
func ProgramEnv(lookup func(string) string) []string {
	env := []string{"GORACE=" + GORACE, EnvJudged + "=1"}
	for _, k := range ProgramVars() {
		if v := lookup(k); v != "" {
			env = append(env, k+"="+v)
		}
	}
	return env
}

// BuildFlags are the go build flags of every lab program, whoever builds
// it. -trimpath makes the build independent of where the tree lives, so
// private copies of the repository share the build cache. A grader builds a
// program for every distinct submission, and the link is most of that
// work: -s -w leave out the symbol table and DWARF, which nothing reads
// (race reports and goroutine dumps use the runtime's own tables), and cut
// a link by a quarter; -buildvcs=false spares a git run per build, whose
// answer would describe the instructor's tree, not the student's program.
func BuildFlags() []string {
	return []string{"-race", "-trimpath", "-buildvcs=false", "-ldflags=-s -w"}
}
