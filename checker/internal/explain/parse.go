package explain

import (
	"cmp"
	"go/ast"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/racelab/racelab/checker/lab"
	"github.com/racelab/racelab/checker/protocol"
)

// What the judge logs besides the program's own reports
// (labs/internal/judge): a compile failure, with the compiler's output
// indented under it.
const markNoBuild = "racelab: the program does not build:"

var (
	// reCheck matches a script section's opening comment as testscript
	// logs it once the section has run, with the time it took. The time
	// tells it from a line the program printed that starts with "# ".
	reCheck = regexp.MustCompile(`^# (.+) \([0-9.]+m?s\)$`)
	// reEnvLine matches a variable of the environment testscript logs
	// at a script's start (N=13; also its own /=/ and :=:).
	reEnvLine = regexp.MustCompile(`^([^\s=]+)=(.*)$`)
	// reScriptFail matches testscript's failure line.
	reScriptFail = regexp.MustCompile(`^FAIL: (\S+\.txtar):(\d+): (.*)$`)
	// reExit matches testscript's note of an exec'd command's exit status.
	reExit = regexp.MustCompile(`^\[exit status (\d+)\]$`)
	// reProgramEnd matches the judge's account of a failed run of the
	// program (judge.describe): its stderr says why.
	reProgramEnd = regexp.MustCompile(`^the program (?:exited with status -?\d+|was stopped|was killed)`)
	// reCompile matches a compiler or vet error: path:line:col: message.
	reCompile = regexp.MustCompile(`^(\S+\.go):(\d+)(?::(\d+))?: (.+)$`)
	// reStatic matches the judge's static finding: a wrong fix, or a file
	// it refuses to build.
	reStatic = regexp.MustCompile(`racelab: (wrong fix|refused): (\S+\.go):(\d+)(?::\d+)?: (.+)$`)
	// reNotConcurrent reads the overlap check's numbers.
	reNotConcurrent = regexp.MustCompile(`at most (\d+) of the (\d+) tasks`)
	// reStarted reads the program's count of the goroutines run started.
	reStarted = regexp.MustCompile(`the program started (\d+) goroutines, but a correct fix starts (\d+)`)
	// reWindowSkipped reads the window check's report of a run that
	// never reached the window.
	reWindowSkipped = regexp.MustCompile(`overlap\.Window\(\) was never called`)
	// reWrongOutput reads the want command's failure.
	reWrongOutput = regexp.MustCompile(`racelab: wrong output: expected the line "(.*)" in the program's output; it printed:$`)
	// reReaders and reSerialised read the program's other-kind reports:
	// readers that waited for each other, callers kept out of a step they
	// could have been in together.
	reReaders    = regexp.MustCompile(`at most (\d+) of (\d+) readers were ever reading at the same time`)
	reSerialised = regexp.MustCompile(`at most (\d+) caller\(s\) were ever between the check and the act at the same time, where (\d+) could be`)
	// rePrinted reads how much the program's goroutines printed after run
	// returned.
	rePrinted = regexp.MustCompile(`they printed (\d+) more bytes`)
	// reEndReasons reads the reasons the judge gives for a failed run
	// (judge.describe): "the program exited with status 0 (early-exit)".
	reEndReasons = regexp.MustCompile(`\(([a-z, -]+)\)$`)
	// reUses reads the kinds of fix the judge says a working fix uses.
	reUses = regexp.MustCompile(`and the fix uses (.+): try it that way`)
	// reWatchdog reads how long the deadlocked program ran.
	// A test binary that ran past its -test.timeout says how long it ran
	// as the testing package's panic.
	reWatchdog = regexp.MustCompile(`(?:did not finish within (\S+?):|^panic: test timed out after (\S+)$)`)
	// reFixKind reads the fixkind analyzer's message.
	reFixKind = regexp.MustCompile(`^this lab asks for .+, but \S+ does not use it(?: \(it uses (.+) instead\))?$`)
	// reConfine reads the confine analyzer's message: what was refused, an
	// import, a directive or a function (os.Exit).
	reConfine = regexp.MustCompile(`^(import "[^"]+"|//go:\S+|[\w/]+\.\w+) is not allowed in a lab file`)
	// reFakeSync reads the fakesync analyzer's message.
	reFakeSync = regexp.MustCompile(`^(time\.Sleep|runtime\.Gosched|runtime\.GOMAXPROCS|syscall\.Exit|log\.Fatal|log\.Fatalf|log\.Fatalln|runtime\.Goexit)\b`)
)

// maxShown is how many lines of a program's output a problem quotes.
const maxShown = 20

// state is one Parse call's state.
type state struct {
	in      Input
	src     *sources
	scripts *scripts
	ls      []line // the lines being read: the text, or one run's stderr
	out     []*Problem
	seen    map[string]*Problem

	inScript      bool              // reading a testscript log
	inEnv         bool              // reading the environment testscript logs before the script
	vars          map[string]string // that environment: the script's variables, $N among them
	check         string            // the description of the script section being read
	checkID       string            // the same in Bahasa Indonesia, when given
	scriptProblem bool              // a problem was found since the script began
	exitStatus    int
	// Where the last command's [stdout] and [stderr] sections start in
	// ls (0: none yet), to show what a failed check looked at.
	stdout, stderr int
	// variants are a testing lab's versions of the code (nil: not looked
	// up yet); against, the correct one the run being read was against.
	variants []lab.Variant
	against  string
	// lab is the lab.toml beside the program's folder, once labRead.
	lab     *lab.Lab
	labRead bool
}

// Parse explains a lab run and returns the problems it found, most urgent
// first (a program that does not compile, then races and crashes, then
// what goes wrong in a run, then the static checks), each reported once
// with a count of how often it was seen. It reads the verdict when there
// is one, the text otherwise. Every report of a kind it knows becomes a
// structured Problem; output it does not recognise is skipped.
func Parse(in Input) []Problem {
	p := &state{in: in, src: newSources(in.ProgramDir, in.Files, in.Editable), scripts: newScripts(in.ProgramDir), seen: map[string]*Problem{}}
	if in.Verdict != nil {
		p.verdict(in.Verdict)
	} else {
		p.ls = splitLines(in.Output)
		p.text()
	}
	order := []Kind{Build, Race, ConcurrentMap, Panic, Deadlock, Leak, NotConcurrent, BusyWait, EarlyExit, Unwaited, FalseAlarm, Missed, WrongOutput, Script, Static, OtherKind}
	slices.SortStableFunc(p.out, func(a, b *Problem) int {
		return slices.Index(order, a.Kind) - slices.Index(order, b.Kind)
	})
	p.out = blame(p.out)
	out := make([]Problem, len(p.out))
	for i, pr := range p.out {
		out[i] = *pr
	}
	return out
}

func (p *state) add(pr *Problem) {
	pr.Check, pr.CheckID = p.check, p.checkID
	pr.Fix = p.in.Fix
	if pr.Variant == "" {
		pr.Variant = p.against
	}
	p.scriptProblem = true
	k := pr.key()
	if old, ok := p.seen[k]; ok {
		old.Count++
		return
	}
	pr.Count = 1
	advise(pr)
	p.seen[k] = pr
	p.out = append(p.out, pr)
}

// report reads the report that starts at ls[i] when it is one a program
// prints when it fails: the race detector's, the runtime's, or those of
// racelab's program package (labs/internal/program). It returns the index
// of the first line after it, and false when ls[i] starts none.
func (p *state) report(i int) (int, bool) {
	t := p.ls[i].text
	switch {
	case t == "WARNING: DATA RACE":
		return p.race(i + 1), true
	case strings.Contains(t, protocol.MarkLeak):
		return p.leak(i + 1), true
	case strings.Contains(t, protocol.MarkDeadlock), t == "fatal error: all goroutines are asleep - deadlock!":
		return p.deadlock(i), true
	case strings.Contains(t, protocol.MarkNotConcurrent):
		p.notConcurrent(t)
		return i + 1, true
	case strings.Contains(t, protocol.MarkOtherKind):
		p.otherKind(t)
		return i + 1, true
	case strings.Contains(t, protocol.MarkUnwaited):
		p.unwaited(t)
		return i + 1, true
	case strings.Contains(t, protocol.MarkBusyWait):
		return p.busyWait(i), true
	case reTestTimedOut.MatchString(t):
		return p.deadlock(i), true
	case strings.HasPrefix(t, "fatal error: concurrent map"):
		return p.crash(i, ConcurrentMap, strings.TrimPrefix(t, "fatal error: "), true), true
	case strings.HasPrefix(t, "panic: ") && p.dumpFollows(i):
		return p.crash(i, Panic, strings.TrimPrefix(t, "panic: "), false), true
	case strings.HasPrefix(t, "fatal error: ") && p.dumpFollows(i):
		return p.crash(i, Panic, strings.TrimPrefix(t, "fatal error: "), true), true
	}
	return i, false
}

// reports reads every report in ls.
func (p *state) reports() {
	for i := 0; i < len(p.ls); {
		if next, ok := p.report(i); ok {
			i = next
			continue
		}
		i++
	}
}

// text reads the output of go test: the judge's log, in which testscript
// logs each script's commands and what the program printed.
func (p *state) text() {
	ls := p.ls
	for i := 0; i < len(ls); {
		if next, ok := p.report(i); ok {
			i = next
			continue
		}
		t := ls[i].text
		if p.inEnv && !reEnvLine.MatchString(t) {
			p.inEnv = false // the script itself begins
		}
		switch {
		case strings.Contains(t, protocol.MarkWrongOutput):
			i = p.wrongOutputText(i)
		case strings.Contains(t, protocol.MarkStatic), strings.Contains(t, protocol.MarkRefused):
			p.staticText(t)
			i++
		case strings.HasSuffix(t, markNoBuild):
			i = p.buildText(i)
		case strings.HasPrefix(t, "WORK="):
			// A new testscript log: a new script.
			p.inScript, p.check, p.checkID, p.scriptProblem, p.exitStatus = true, "", "", false, 0
			p.stdout, p.stderr = 0, 0
			p.inEnv, p.vars = true, map[string]string{}
			i++
		case p.inEnv && reEnvLine.MatchString(t):
			// The script's environment, its random inputs ($N, $SEED)
			// among it, which its comments name.
			m := reEnvLine.FindStringSubmatch(t)
			p.vars[m[1]] = m[2]
			i++
		case p.inScript && t == "[stdout]":
			p.stdout = i + 1
			i++
		case p.inScript && t == "[stderr]":
			p.stderr = i + 1
			i++
		case p.inScript && reCheck.MatchString(t):
			// Each section of a script opens with a comment; the
			// last one before a failure describes what failed. The log
			// times only the comment's last line: the lines before it
			// belong to the same sentence.
			p.check, p.checkID = p.comment(i, reCheck.FindStringSubmatch(t)[1])
			p.check, p.checkID = studentText(p.check, p.vars), studentText(p.checkID, p.vars)
			i++
		case reExit.MatchString(t):
			p.exitStatus, _ = strconv.Atoi(reExit.FindStringSubmatch(t)[1])
			i++
		case reScriptFail.MatchString(t):
			p.scriptFail(reScriptFail.FindStringSubmatch(t)[3])
			i++
		default:
			i++
		}
	}
}

// comment returns the whole comment whose last line, ls[i], reads last:
// its English sentence and, from its "id:" lines, the Indonesian one.
func (p *state) comment(i int, last string) (en, id string) {
	lines := []string{last}
	for j := i - 1; j >= 0; j-- {
		t := p.ls[j].text
		if !strings.HasPrefix(t, "# ") || reCheck.MatchString(t) {
			break
		}
		lines = append([]string{strings.TrimPrefix(t, "# ")}, lines...)
	}
	return SplitComment(lines)
}

// SplitComment joins the lines of a script's opening comment (without their
// "# ") into its English sentence and its Indonesian one, the lines that
// start with "id:".
func SplitComment(lines []string) (en, id string) {
	var ens, ids []string
	for _, l := range lines {
		if rest, ok := strings.CutPrefix(l, "id:"); ok {
			ids = append(ids, strings.TrimSpace(rest))
		} else {
			ens = append(ens, strings.TrimSpace(l))
		}
	}
	return strings.Join(ens, " "), strings.Join(ids, " ")
}

// dumpFollows reports whether a goroutine traceback starts within the few
// lines after ls[i] (a panic value may span lines), which tells a panic
// from a program printing "panic: ".
func (p *state) dumpFollows(i int) bool {
	for j := i + 1; j < len(p.ls) && j <= i+10; j++ {
		if reDumpHeader.MatchString(p.ls[j].text) {
			return true
		}
	}
	return false
}

// scriptFail reports a script that failed for none of the reasons the other
// parsers know (say, the program printed to stderr), so that the student
// sees why the check failed.
func (p *state) scriptFail(msg string) {
	if p.scriptProblem {
		return
	}
	var stdout []string
	if p.stdout > 0 {
		stdout = p.section(p.stdout)
	}
	if p.testVerdict(msg, stdout) || strings.Contains(msg, "racelab:") {
		return
	}
	if m := reEndReasons.FindStringSubmatch(msg); m != nil && reProgramEnd.MatchString(msg) {
		var reasons []protocol.Reason
		for _, r := range strings.Split(m[1], ", ") {
			reasons = append(reasons, protocol.Reason(r))
		}
		var stderr []string
		if p.stderr > 0 {
			stderr = p.section(p.stderr)
		}
		if p.ended(reasons, stderr) {
			return
		}
	}
	pr := &Problem{Kind: Script, Message: msg, ExitStatus: p.exitStatus}
	// testscript's message names the stream it checked but shows only
	// what matched; show the stream. A run of the program that failed for
	// no reason racelab explains says why on stderr, if anywhere.
	switch {
	case p.stderr > 0 && (strings.Contains(msg, "stderr") || reProgramEnd.MatchString(msg)):
		showStream(pr, "stderr", p.section(p.stderr))
	case p.stdout > 0 && strings.Contains(msg, "stdout"):
		showStream(pr, "stdout", p.section(p.stdout))
	}
	p.add(pr)
}

// showStream sets what a Script problem quotes of the program's output:
// what it printed on stream (its first lines), if anything.
func showStream(pr *Problem, stream string, lines []string) {
	if len(lines) == 0 {
		return
	}
	if len(lines) > maxShown {
		lines = append(lines[:maxShown:maxShown], "…")
	}
	pr.Stream, pr.Got = stream, lines
	// "! stderr ." is how every lab says "print nothing on stderr";
	// testscript's complaint about the match is cryptic.
	pr.UnwantedStderr = stream == "stderr" && strings.HasPrefix(pr.Message, "unexpected match for")
	if pr.UnwantedStderr {
		pr.Audit, pr.Got = audit(lines)
	}
}

// audit reports whether lines are all the lab's own report (each opens
// with protocol.MarkAudit, or continues the line before, indented), and
// returns them without the mark.
func audit(lines []string) (bool, []string) {
	out := make([]string, 0, len(lines))
	marked := false
	for _, l := range lines {
		rest, ok := strings.CutPrefix(l, protocol.MarkAudit)
		switch {
		case ok:
			marked = true
			out = append(out, strings.TrimSpace(rest))
		case marked && (l == "…" || strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t")):
			out = append(out, l)
		default:
			return false, lines
		}
	}
	return marked, out
}

// section returns the lines of a [stdout] or [stderr] section of a script
// log, starting at ls[i]: up to the next section, command or verdict. The
// log's indentation, the section header's, is taken off; the program's own
// is kept.
func (p *state) section(i int) []string {
	indent := ""
	if i > 0 {
		h := p.ls[i-1].raw
		indent = h[:len(h)-len(strings.TrimLeft(h, " \t"))]
	}
	var out []string
	for ; i < len(p.ls); i++ {
		t := p.ls[i].text
		if strings.HasPrefix(t, "> ") || strings.HasPrefix(t, "[") || strings.HasPrefix(t, "FAIL: ") {
			break
		}
		l, ok := strings.CutPrefix(p.ls[i].raw, indent)
		if !ok {
			l = t
		}
		out = append(out, strings.TrimRight(l, " \t"))
	}
	return out
}

func (p *state) notConcurrent(t string) {
	pr := &Problem{Kind: NotConcurrent}
	if reWindowSkipped.MatchString(t) {
		pr.Skipped = true
		pr.Call = cmp.Or(p.stepName("Window"), "overlap.Window()")
		p.add(pr)
		return
	}
	m := reNotConcurrent.FindStringSubmatch(t)
	if m == nil {
		m = reStarted.FindStringSubmatch(t)
		pr.Started = m != nil
	}
	if m != nil {
		pr.Most, _ = strconv.Atoi(m[1])
		pr.Want, _ = strconv.Atoi(m[2])
	}
	pr.At, pr.Serial, pr.Var = p.serialPlace()
	pr.NoGo = !p.startsGoroutines()
	p.add(pr)
}

// unwaited reads the program's report that run returned while its
// goroutines were still working.
func (p *state) unwaited(t string) {
	pr := &Problem{Kind: Unwaited, At: p.goStart()}
	if m := rePrinted.FindStringSubmatch(t); m != nil {
		pr.Printed, _ = strconv.Atoi(m[1])
	}
	p.add(pr)
}

// ended explains a failed run whose reason (the judge's, from how it
// ended) came with no report of the program's to read: a run that exited
// early, or crashed without a traceback racelab recognises. The problem
// is then the reason itself, so that the headline and the explanation say
// the same. stderr is what the run printed there. It reports whether it
// added a problem.
func (p *state) ended(reasons []protocol.Reason, stderr []string) bool {
	switch protocol.Primary(reasons) {
	case protocol.EarlyExit:
		p.add(&Problem{Kind: EarlyExit})
	case protocol.Unwaited:
		p.add(&Problem{Kind: Unwaited, At: p.goStart()})
	case protocol.BusyWait:
		p.add(&Problem{Kind: BusyWait})
	case protocol.Crash:
		pr := &Problem{Kind: Panic}
		for _, l := range stderr {
			l = strings.TrimSpace(l)
			if msg, ok := strings.CutPrefix(l, "panic: "); ok {
				pr.Message, _, _ = strings.Cut(msg, " [recovered")
				break
			}
			if msg, ok := strings.CutPrefix(l, "fatal error: "); ok {
				pr.Message, pr.Fatal = msg, true
				break
			}
		}
		p.add(pr)
	default:
		return false
	}
	return true
}

// goStart is the first place the student's files start a goroutine: for
// a run that did not wait for its goroutines, where they came from.
func (p *state) goStart() Place {
	for _, base := range p.in.Editable {
		f := p.src.file(base)
		if f == nil || f.ast == nil {
			continue
		}
		line := 0
		walk(f.ast, func(n ast.Node, stack []ast.Node) {
			if line != 0 {
				return
			}
			if _, ok := n.(*ast.GoStmt); ok {
				line = f.lineOf(n.Pos())
			}
			if lit, ok := n.(*ast.FuncLit); ok && inGoroutine(append(stack, lit)) {
				line = f.lineOf(stack[len(stack)-1].Pos())
			}
		})
		if line != 0 {
			return p.src.place(base, line, "")
		}
	}
	return Place{}
}

// otherKind reads a report that the program works but the fix is not the
// lab's kind: the program's own (readers, or callers, kept apart), or the
// judge's (the kinds of fix the change uses).
func (p *state) otherKind(t string) {
	pr := &Problem{Kind: OtherKind, Other: OtherKinds}
	var m []string
	switch {
	case reReaders.MatchString(t):
		pr.Other, m = OtherReaders, reReaders.FindStringSubmatch(t)
	case reSerialised.MatchString(t):
		pr.Other, m = OtherSerialised, reSerialised.FindStringSubmatch(t)
	case reUses.MatchString(t):
		pr.Instead = kindsIn(reUses.FindStringSubmatch(t)[1])
	}
	if m != nil {
		pr.Most, _ = strconv.Atoi(m[1])
		pr.Want, _ = strconv.Atoi(m[2])
	}
	p.add(pr)
}

// kindsIn reads back the kinds of fix the judge names in words
// (fixkind.Describe, joined with "and"); "no new synchronisation" is none.
func kindsIn(words string) []string {
	var out []string
	for _, part := range strings.Split(words, " and ") {
		for _, k := range []struct{ kind, word string }{
			{"waitgroup", "sync.WaitGroup"}, {"rwmutex", "sync.RWMutex"}, {"mutex", "sync.Mutex"},
			{"atomic", "sync/atomic"}, {"once", "sync.Once"}, {"cond", "sync.Cond"},
			{"errgroup", "errgroup"}, {"context", "a context"}, {"channel", "a channel"},
		} {
			if strings.Contains(part, k.word) {
				out = append(out, k.kind)
				break
			}
		}
	}
	return out
}

// wrongOutputText reads the want command's failure in a script log: the
// line it expected, then the program's output, each line indented one tab
// more than the failure.
func (p *state) wrongOutputText(i int) int {
	indent := p.ls[i].raw[:len(p.ls[i].raw)-len(strings.TrimLeft(p.ls[i].raw, " \t"))]
	var got []string
	j := i + 1
	for ; j < len(p.ls); j++ {
		rest, ok := strings.CutPrefix(p.ls[j].raw, indent+"\t")
		if !ok {
			break
		}
		got = append(got, rest)
	}
	p.wrongOutput(p.ls[i].text, got)
	return j
}

// wrongOutput reports the want command's failure, msg, given what the
// program printed.
func (p *state) wrongOutput(msg string, got []string) {
	pr := &Problem{Kind: WrongOutput, Got: got}
	if m := reWrongOutput.FindStringSubmatch(msg); m != nil {
		pr.Expected = m[1]
	}
	// Elsewhere the lab's window only lines goroutines up (lab 14's
	// uploads, lab 17's loaders): no check sits before it, and a wrong
	// answer there is a dropped send, an update to a copy, a value read
	// too early, never the gap the words would point at.
	if pr.CheckThenAct = p.checkThenAct(); pr.CheckThenAct {
		pr.At = p.windowPlace()
	}
	pr.ReportedCancel = reportedCancel(pr.Expected, got)
	p.add(pr)
}

// reportedCancel reports whether the program printed context.Canceled's
// text where the expected line has none.
func reportedCancel(expected string, got []string) bool {
	const canceled = "context canceled" // context.Canceled.Error()
	return !strings.Contains(expected, canceled) &&
		slices.ContainsFunc(got, func(g string) bool { return strings.Contains(g, canceled) })
}

// findCall returns the first line of the student's files that contains
// call: the lab's markers (overlap.Work, overlap.Window) show where the
// interesting part of the program is.
func (p *state) findCall(call string) Place {
	for _, base := range p.in.Editable {
		f := p.src.file(base)
		if f == nil {
			continue
		}
		for n, l := range f.lines {
			if strings.Contains(l, call) && !strings.HasPrefix(strings.TrimSpace(l), "//") {
				return p.src.place(base, n+1, "")
			}
		}
	}
	return Place{}
}

// staticText reads a static finding as the judge logs it: a wrong fix, or
// a refused file (confine's findings, which stop the program being built).
func (p *state) staticText(t string) {
	m := reStatic.FindStringSubmatch(t)
	if m == nil {
		return
	}
	n, _ := strconv.Atoi(m[3])
	check := ""
	if m[1] == "refused" {
		check = "confine"
	}
	p.static(m[2], n, check, m[4])
}

// static reports a static finding about file (as printed) at line n: the
// check that made it (confine, fixkind, fakesync; "" when not known) and
// its message.
func (p *state) static(file string, n int, check, msg string) {
	pr := &Problem{Kind: Static, Message: msg}
	if base, ok := p.src.student(file); ok {
		pr.At = p.src.place(base, n, "")
	} else {
		pr.At = Place{File: file, Line: n}
	}
	fm := reFixKind.FindStringSubmatch(msg)
	cm := reConfine.FindStringSubmatch(msg)
	sm := reFakeSync.FindStringSubmatch(msg)
	switch {
	case check == "fixkind" || check == "" && fm != nil:
		// The analyzer reports at the package clause, but the finding
		// is about the whole file.
		pr.At = Place{File: pr.At.File}
		pr.StaticCheck = "fixkind"
		if fm != nil && fm[1] != "" {
			pr.Instead = strings.Split(fm[1], ", ")
		}
	case check == "confine" || check == "" && cm != nil:
		pr.StaticCheck = "confine"
		if cm != nil {
			pr.Call = cm[1]
		}
	case check == "fakesync" || check == "" && sm != nil:
		pr.StaticCheck = "fakesync"
		if sm != nil {
			pr.Call = sm[1]
		}
	case check == vetCopyLocks || check == vetWaitGroup || check == vetLostCancel || check == vetAtomic || check == vetLoadStore || check == vetSplitLock || check == vetSpin || check == vetWakeOrder || check == vetTryLock || check == vetAddOrder || check == vetTimeGuess || check == vetCancelFirst:
		pr.StaticCheck = check
		p.vet(pr)
	case check == "" && vetCheck(msg) != "":
		pr.StaticCheck = vetCheck(msg)
		p.vet(pr)
	}
	p.add(pr)
}

// buildText reads the judge's report of a build that failed, at ls[i]:
// the compiler's output follows, indented one level more.
func (p *state) buildText(i int) int {
	indent := p.ls[i].raw[:len(p.ls[i].raw)-len(strings.TrimLeft(p.ls[i].raw, " \t"))] + "    "
	var out []line
	j := i + 1
	for ; j < len(p.ls); j++ {
		rest, ok := strings.CutPrefix(p.ls[j].raw, indent)
		if !ok {
			break
		}
		out = append(out, line{raw: rest, text: strings.TrimSpace(rest)})
	}
	p.compiler(out)
	return j
}

// compiler reads a compiler's output: one problem per error, with the
// lines the compiler indents under it (have/want and the like) kept in the
// message. Package headers (# pkg) and other lines are skipped.
func (p *state) compiler(ls []line) {
	for i := 0; i < len(ls); {
		m := reCompile.FindStringSubmatch(ls[i].raw)
		i++
		if m == nil {
			continue
		}
		n, _ := strconv.Atoi(m[2])
		pr := &Problem{Kind: Build, Message: m[4]}
		if base, ok := p.src.student(m[1]); ok {
			pr.At = p.src.place(base, n, "")
		} else {
			pr.At = Place{File: baseName(m[1]), Line: n}
		}
		for ; i < len(ls) && strings.HasPrefix(ls[i].raw, "\t"); i++ {
			pr.Message += "\n" + ls[i].text
		}
		p.add(pr)
	}
}

func baseName(p string) string {
	p = strings.ReplaceAll(p, `\`, "/")
	return p[strings.LastIndex(p, "/")+1:]
}
