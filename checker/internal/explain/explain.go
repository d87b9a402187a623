// Package explain turns the outcome of a lab run into short explanations a
// beginner can read.
//
// A raw race report is forty lines of addresses and stack frames, most of
// them in the runtime and in racelab's own machinery; a student who sees
// one usually gives up. Parse reads what the judge decided (its verdict:
// each failed script, the stderr of the run that failed it, the static
// findings, the compiler's output) and keeps what matters: the lines of the
// student's own files involved, with their source text, what each
// goroutine did or waits for there, and where each goroutine was started.
// It knows the race detector's reports, the program's leak, deadlock,
// not-concurrent, busy-wait, did-not-wait and other-kind reports, the
// judge's wrong-output, wrong-fix and other-kind reports (go vet's
// concurrency findings and labvet's loadstore among them), compile errors,
// panics, early exits and the runtime's concurrent-map crashes; and, in a
// testing lab, where the student writes a test, the judge's missed and
// false-alarm reports (naming the version of the code, and what is wrong
// with it, in the student's language) and a test that timed out. Render prints that, in English or
// Bahasa Indonesia, with one sentence of what to do, tied to the kinds of
// fix the lab accepts. A Check line (what the failed script checks) reads
// the run's own numbers ($N, $SEED filled in) and nothing of the lab's
// machinery (RACELAB_* settings); a fix that works but is not the lab's
// kind is told as working.
//
// make lab, verify and the grader all have the verdict, so a student gets
// the same explanation wherever the lab ran:
//
//	problems := explain.Parse(explain.Input{Verdict: v, ProgramDir: l.ProgramDir(), Editable: l.Editable, Fix: l.Fix, Concepts: l.Concepts})
//	err := explain.Render(w, problems, lang, color, width)
//
// Without a verdict, Parse reads the text of `go test` on the lab instead,
// which holds the same reports inside the judge's log.
//
// The package reads: it never runs anything. Source lines come from the
// program's folder (or from Input.Files), so explanations stay useful when
// the run happened elsewhere: files in reports are matched by their
// folders' names and the editable files' base names, whether the paths
// are module paths (the judge builds with -trimpath), absolute, or
// relative as the compiler prints them.
package explain

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/racelab/racelab/checker/internal/i18n"
	"github.com/racelab/racelab/checker/lab"
	"github.com/racelab/racelab/checker/protocol"
)

// Input is one lab run to explain.
type Input struct {
	// Verdict is what the judge decided (RACELAB_VERDICT; run.Result's
	// Verdict). When it is set, Parse explains it and ignores Output.
	Verdict *protocol.Verdict
	// Output is the run's output, for when there is no verdict: plain
	// `go test -v` text, or the Output fields of `go test -json`
	// concatenated (TestOutput does that and also keeps parallel tests
	// apart).
	Output string
	// ProgramDir is the lab's program folder (labs/NN-slug/PROGRAM). The
	// student's files are read from it; its name and its parent's (e.g.
	// 03-mutex/bank) tell them apart from files of the same name elsewhere;
	// its base name is the program's command in the lab's scripts, which
	// are read from its parent's testdata folder: a failed script's
	// opening comment says what it checks.
	ProgramDir string
	// Files, when not nil, holds student files by base name, standing in
	// for those in ProgramDir: a grader explains a submission without
	// writing it into the lab.
	Files map[string][]byte
	// Editable holds the base names of the student's files (lab.toml's
	// editable).
	Editable []string
	// Fix holds the lab's accepted fix kinds (lab.toml's fix), which
	// choose the advice.
	Fix []string
	// Concepts holds what the lab teaches (lab.toml's concepts): a wrong
	// answer is told as a gap between a check and its act only in a lab
	// about check-then-act, where that is what it is. When nil, Parse
	// reads them from the lab.toml beside ProgramDir.
	Concepts []string
	// Variants holds a testing lab's versions of the code
	// (lab.AllVariants): a test that misses a bug is told what the
	// version it passed gets wrong, in the student's language. When nil,
	// Parse reads them from the lab.toml beside ProgramDir.
	Variants []lab.Variant
}

// Kind is what went wrong.
type Kind string

// The kinds of problem Parse recognises.
const (
	Race          Kind = "race"           // the race detector's WARNING: DATA RACE
	ConcurrentMap Kind = "concurrent-map" // the runtime's fatal error: concurrent map writes (and friends)
	Leak          Kind = "leak"           // racelab: goroutine leak:
	Deadlock      Kind = "deadlock"       // racelab: deadlock: (or the runtime's "all goroutines are asleep")
	NotConcurrent Kind = "not-concurrent" // racelab: not concurrent:
	WrongOutput   Kind = "wrong-output"   // racelab: wrong output:
	Static        Kind = "static"         // racelab: wrong fix: (or refused:)
	Build         Kind = "build"          // a compile (or vet) error
	Panic         Kind = "panic"          // a panic or another fatal error
	Script        Kind = "script"         // a script check that failed for none of the reasons above
	// OtherKind is no failure of the program: it works, but the fix is not
	// the kind the lab practises (racelab: other kind:, or the verdict's
	// reason when the judge decided it from the kinds the change uses).
	OtherKind Kind = "other-kind"
	// Unwaited: run returned while its goroutines still worked (racelab:
	// did not wait:).
	Unwaited Kind = "unwaited"
	// EarlyExit: the program ended (status 0) without returning from run,
	// so none of the lab's checks ran.
	EarlyExit Kind = "early-exit"
	// BusyWait: a goroutine kept running while the program waited for it
	// to block before an event (racelab: busy wait:): it spins.
	BusyWait Kind = "busy-wait"
	// Missed: a testing lab's test passed against a version of the code
	// with a bug (racelab: missed:).
	Missed Kind = "missed"
	// FalseAlarm: a testing lab's test failed against a correct version
	// of the code (racelab: false alarm:).
	FalseAlarm Kind = "false-alarm"
)

// Other is why a working fix is of another kind than the lab's.
type Other string

// The ways a fix that works can miss the lab's kind.
const (
	// OtherKinds: the change uses other kinds of fix (Instead), or none.
	OtherKinds Other = "kinds"
	// OtherReaders: readers that never write still waited for each
	// other (Most of Want were ever reading together): one plain lock
	// where the lab practises shared readers.
	OtherReaders Other = "readers"
	// OtherSerialised: callers that could have been in the same step
	// together never were (Most of Want): one lock around everything.
	OtherSerialised Other = "serialised"
)

// Place is a line of a file, normally one of the student's.
type Place struct {
	File   string `json:"file"` // base name, e.g. bank.go
	Line   int    `json:"line,omitempty"`
	Func   string `json:"func,omitempty"`   // the function, short: run, run.func1, (*Account).Deposit
	Source string `json:"source,omitempty"` // the line's text, trimmed; empty when the file cannot be read
}

// IsZero reports whether p names no place.
func (p Place) IsZero() bool { return p.File == "" }

// String is file:line, or the file alone for a finding about the whole
// file.
func (p Place) String() string {
	switch {
	case p.IsZero():
		return ""
	case p.Line == 0:
		return p.File
	}
	return fmt.Sprintf("%s:%d", p.File, p.Line)
}

// Op is what an access did, when the runtime frames show more than a plain
// read or write.
type Op string

// Operations the race detector attributes to runtime functions.
const (
	OpPlain       Op = ""
	OpChanSend    Op = "chan-send"
	OpChanReceive Op = "chan-receive"
	OpChanClose   Op = "chan-close"
	OpMapRead     Op = "map-read"
	OpMapWrite    Op = "map-write"
	OpMapDelete   Op = "map-delete"
	// A WaitGroup's own race annotations: Add's first increment (a read)
	// against a Wait already waiting (a write). The race detector shows no
	// line of the program for them.
	OpWaitGroupAdd  Op = "waitgroup-add"
	OpWaitGroupWait Op = "waitgroup-wait"
)

// Access is one of the two conflicting accesses of a data race.
type Access struct {
	Write     bool
	Op        Op
	Var       string  // the variable as the line writes it (e.g. a.balance, squares[i]); empty when unclear
	Goroutine int     // the goroutine's number; 0 with Main
	Main      bool    // the access was made by the main goroutine
	At        Place   // the innermost frame in the student's files
	Calls     []Place // the student's frames that led there, innermost first
	Created   Place   // the go statement that started the goroutine; zero for main or when unknown
	Finished  bool    // the goroutine had already finished when the race was found
	// CreatedByMain: the main goroutine ran that go statement (its stack
	// then ends in main.main), which lets a diagram draw the edge from it.
	CreatedByMain bool
}

// Wait is what a stuck goroutine waits for.
type Wait string

// Things a goroutine can be stuck on.
const (
	WaitSend      Wait = "send"      // chan send
	WaitReceive   Wait = "receive"   // chan receive
	WaitSelect    Wait = "select"    // select with no ready case
	WaitLock      Wait = "lock"      // sync.Mutex.Lock or RWMutex.Lock
	WaitRLock     Wait = "rlock"     // sync.RWMutex.RLock
	WaitWaitGroup Wait = "waitgroup" // sync.WaitGroup.Wait
	WaitCond      Wait = "cond"      // sync.Cond.Wait
	WaitSleep     Wait = "sleep"     // time.Sleep
	WaitRunning   Wait = "running"   // not blocked: still working, or looping
	WaitLate      Wait = "late"      // in the fixture's overlap.Late: the answer that comes after run returns
	WaitStep      Wait = "step"      // in the fixture's slow step (overlap.Work, Window), waiting for the other tasks
	WaitOther     Wait = "other"
)

// Lock is a lock a goroutine holds, as far as its source shows.
type Lock struct {
	Expr  string // as the function writes it: from.mu
	Alias string // as the caller names it, when different: a.mu
	At    Place  // where it was locked
}

// Goroutine is a goroutine stuck in (or crashing in) the student's code.
type Goroutine struct {
	ID       int
	Count    int    // how many goroutines are stuck exactly like this one (leaks fold them)
	Main     bool   // the main goroutine
	State    string // the runtime's word for it, e.g. "chan send", "sync.Mutex.Lock"
	Wait     Wait
	On       string  // what it waits on, from the source: the channel, the mutex, the WaitGroup
	OnAlias  string  // On as the caller names it, when different
	At       Place   // the innermost frame in the student's files
	Calls    []Place // the student's frames that led there, innermost first
	Created  Place   // the go statement that started it
	Holds    []Lock  // deadlock: the locks it holds
	WaitsFor int     // deadlock: the goroutine holding the lock it wants, when known; 0 otherwise
	// CreatedBy is the number of the goroutine that ran the go statement
	// ("created by F in goroutine N"; 1 is the main goroutine), 0 when the
	// traceback does not say.
	CreatedBy int
	// Again is the lock among Holds that the goroutine waits to lock a
	// second time (deadlock): Go's mutexes are not reentrant, so it waits
	// for itself. nil otherwise.
	Again *Lock
}

// Problem is one thing that went wrong in the run, explained.
type Problem struct {
	Kind    Kind
	Count   int    // how many times the run reported it (identical reports are folded)
	Check   string // the description of the lab script that failed, when known
	CheckID string // the same in Bahasa Indonesia, when the script gives it (# id: lines)

	// Race: the two conflicting accesses.
	Accesses []Access
	// Leak, Deadlock: the stuck goroutines; Panic, ConcurrentMap: the one
	// that crashed.
	Goroutines []Goroutine
	// Elsewhere (Leak): leaked goroutines stuck only in the lab's own
	// files (a fixture's goroutine, started for the student's file by a
	// function it calls), when none is stuck in the student's; At names
	// the fixture's line, without source.
	Elsewhere []Goroutine
	// Deadlock: goroutine numbers forming a lock cycle, in order (the
	// first one waits for the second ...; the last for the first).
	Cycle []int

	// Where the problem is, for the kinds that have one place (Static,
	// Build, Panic, ConcurrentMap) or a hint of one (NotConcurrent: the
	// task's slow step; WrongOutput in a check-then-act lab: the gap
	// between check and act).
	At Place
	// The tool's own words: the compiler's error, the panic value, the
	// static check's finding, the script's failure.
	Message string

	// NotConcurrent: the most tasks seen running at once, of how many
	// (with Started, the goroutines the program started, of how many a
	// fix starts). Serial says what At is: the loop that runs the tasks
	// one by one, the lock (Var) held around them, or their slow step.
	// NoGo: the student's files start no goroutine at all. Skipped: the
	// program never reached the lab's window between check and act
	// (Call names the step it should have called).
	Most, Want int
	Started    bool
	Serial     Serial
	NoGo       bool
	Skipped    bool
	// WrongOutput: the line the output lacked, and what it printed.
	// Script: Got is what the program printed on Stream (stdout or
	// stderr), the output the failed check looked at.
	Expected       string
	Got            []string
	Stream         string
	UnwantedStderr bool // Script: the check wanted nothing on stderr
	Audit          bool // UnwantedStderr: what is there is the lab's own report (protocol.MarkAudit), shown without the mark
	// WrongOutput: the lab is about check-then-act, so the wrong answer
	// is told as a gap between a check and its act (At, when the source
	// shows it); otherwise as work lost, done twice or on the wrong value.
	// Static, loadstore and splitlock: the finding is a check (Cause) and
	// its act (At) split in two, not a read-modify-write.
	CheckThenAct bool
	// WrongOutput: the program reported context.Canceled where the check
	// wanted something else: the error of work it had itself given up on.
	ReportedCancel bool
	// Static: the finding, decoded. Check is fixkind, fakesync or confine;
	// Instead lists the kinds of fix the file uses instead of the lab's;
	// Call names the sleep/yield/exit that stands in for synchronisation,
	// or (confine) the refused import or directive.
	StaticCheck string
	Instead     []string
	Call        string
	// OtherKind: why the working fix is not the lab's kind; Instead, the
	// kinds it uses (OtherKinds), and Most and Want (the others).
	Other Other
	// Static, copylocks: the copy, decoded. Static, waitgroup: Var is the
	// WaitGroup; lostcancel: Var the cancel function, Call the context
	// constructor (or the line the variable was defined on); atomic: Var
	// the variable assigned.
	Copy *Copy
	// Race: the go vet finding the race follows from (CauseCheck): a
	// wg.Add inside the goroutine it counts (Call names the WaitGroup),
	// which let Wait return before the racing goroutine was counted, or
	// an atomic function's result assigned back to Var. Zero otherwise.
	// Static, loadstore: Cause is the Load whose value the Store (Swap,
	// CompareAndSwap: Call) at At writes back, Var the atomic variable; or,
	// Call "Add", the Add whose result the Load at At ignores; or, with
	// CheckThenAct, the Load tested before the Store (Swap: Call) at At.
	// splitlock: Cause is the read (with CheckThenAct, the test) under the
	// lock Call, At the write to Var.
	Cause      Place
	CauseCheck string
	// Panic: Fatal when the runtime's fatal error, not a panic, ended the
	// program. Unwaited: Printed is how many bytes the goroutines printed
	// after run returned, when the program said.
	Fatal   bool
	Printed int
	// Watchdog: how long the deadlocked program ran ("2s"), when said.
	Watchdog string
	// Script: the program's exit status, when the script shows it.
	ExitStatus int
	// BusyWait: how long the program waited for the goroutine to block
	// ("2s"), when said; SpinSelect: At is a select with a default case,
	// At otherwise the loop that spins (zero when the source does not
	// show it).
	Waited     string
	SpinSelect bool
	// SpinTick (a static spin finding): the timer whose case of a select
	// only looks again ("time.After(time.Millisecond)").
	SpinTick string
	// AlarmLeak (FalseAlarm): the test's leak check found a goroutine of
	// the correct version: it ran before what stops that goroutine.
	AlarmLeak bool
	// Torn (splitlock): Var and Var2 were read under the lock Call in
	// two critical sections and returned together.
	Torn bool
	Var2 string
	// Missed, FalseAlarm: the version of the code the test ran against,
	// and what is wrong with it (Missed: lab.toml's about, in both
	// languages). FalseAlarm: Got is what the test printed. Race and
	// Deadlock in a testing lab: the correct version the test raced or
	// hung against, when it was one.
	Variant string
	About   i18n.Message

	// Var is the variable (or map, or channel) the problem is about,
	// when the source makes it clear (Race, ConcurrentMap).
	Var string
	// Fix is the lab's accepted fix kinds, which the advice is tied to.
	Fix []string
	// Advice is what to do: one sentence of the catalog, filled in with
	// Var or the fix kinds when it takes them.
	Advice i18n.Key
}

// key identifies a problem for folding: two reports with the same key are
// the same problem seen again.
func (p *Problem) key() string {
	var b strings.Builder
	b.WriteString(string(p.Kind))
	switch p.Kind {
	case Race:
		locs := make([]string, len(p.Accesses))
		for i, a := range p.Accesses {
			locs[i] = a.At.String() + "/" + a.At.Func
		}
		slices.Sort(locs)
		b.WriteString(strings.Join(locs, "|"))
	case Leak, Deadlock:
		locs := make([]string, 0, len(p.Goroutines))
		for _, g := range p.Goroutines {
			locs = append(locs, goroutineKey(g))
		}
		slices.Sort(locs)
		locs = slices.Compact(locs)
		b.WriteString(strings.Join(locs, "|"))
	case NotConcurrent:
		fmt.Fprintf(&b, "%v|%v", p.Started, p.Skipped)
	case OtherKind:
		fmt.Fprintf(&b, "%s|%v", p.Other, p.Instead)
	case WrongOutput, Script:
		b.WriteString(p.Check + "|" + p.Message)
	case Missed, FalseAlarm:
		b.WriteString(p.Variant) // one problem for each version of the code
	case Panic, ConcurrentMap:
		// The same crash in two runs of different sizes: "index out of
		// range [1] with length 1", then [10] with length 10.
		fmt.Fprintf(&b, "%s|%s", p.At, reNumber.ReplaceAllString(p.Message, "N"))
	default:
		fmt.Fprintf(&b, "%s|%s", p.At, p.Message)
	}
	return b.String()
}

var reNumber = regexp.MustCompile(`[0-9]+`)

// goroutineKey identifies where a goroutine is stuck, ignoring its number.
func goroutineKey(g Goroutine) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s/%s/%v", g.State, g.At, g.Main)
	for _, c := range g.Calls {
		b.WriteString("<" + c.String())
	}
	b.WriteString("^" + g.Created.String())
	return b.String()
}
