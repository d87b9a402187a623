package explain

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// The harness's markers (labs/internal/harness). They are repeated here,
// not imported, because the harness is a test-only package of the labs
// tree that imports testscript and goleak; the test of this package checks
// that they agree.
const (
	markLeak          = "racelab: goroutine leak:"
	markDeadlock      = "racelab: deadlock:"
	markNotConcurrent = "racelab: not concurrent:"
	markWrongOutput   = "racelab: wrong output:"
	markStatic        = "racelab: wrong fix:"
)

var (
	// reCheck matches a script section's opening comment as testscript
	// logs it once the section has run, with the time it took. The time
	// tells it from a line the program printed that starts with "# ".
	reCheck = regexp.MustCompile(`^# (.+) \([0-9.]+m?s\)$`)
	// reScriptFail matches testscript's failure line.
	reScriptFail = regexp.MustCompile(`^FAIL: (\S+\.txtar):(\d+): (.*)$`)
	// reExit matches testscript's note of a command's exit status.
	reExit = regexp.MustCompile(`^\[exit status (\d+)\]$`)
	// reCompile matches a compiler or vet error: path:line:col: message.
	reCompile = regexp.MustCompile(`^(\S+\.go):(\d+)(?::(\d+))?: (.+)$`)
	// reStatic matches the harness's wrong-fix finding.
	reStatic = regexp.MustCompile(`racelab: wrong fix: (\S+\.go):(\d+)(?::\d+)?: (.+)$`)
	// reNotConcurrent reads the overlap check's numbers.
	reNotConcurrent = regexp.MustCompile(`at most (\d+) of the (\d+) tasks`)
	// reWrongOutput reads the want command's failure.
	reWrongOutput = regexp.MustCompile(`racelab: wrong output: expected the line "(.*)" in the program's output; it printed:$`)
	// reWatchdog reads how long the deadlocked program ran.
	reWatchdog = regexp.MustCompile(`did not finish within (\S+?):`)
	// reFixKind reads the fixkind analyzer's message.
	reFixKind = regexp.MustCompile(`^this lab asks for .+, but \S+ does not use it(?: \(it uses (.+) instead\))?$`)
	// reConfine reads the confine analyzer's message: what was refused.
	reConfine = regexp.MustCompile(`^(import "[^"]+"|//go:\S+) is not allowed in a lab file`)
	// reFakeSync reads the fakesync analyzer's message.
	reFakeSync = regexp.MustCompile(`^(time\.Sleep|runtime\.Gosched|runtime\.GOMAXPROCS|os\.Exit|syscall\.Exit|log\.Fatal|log\.Fatalf|log\.Fatalln|runtime\.Goexit)\b`)
)

// state is one Parse call's state.
type state struct {
	in   Input
	src  *sources
	ls   []line
	out  []*Problem
	seen map[string]*Problem

	inScript      bool   // reading a testscript log
	check         string // the description of the script section being read
	checkID       string // the same in Bahasa Indonesia, when given
	scriptProblem bool   // a problem was found since the script began
	exitStatus    int
	// Where the last command's [stdout] and [stderr] sections start in
	// ls (0: none yet), to show what a failed check looked at.
	stdout, stderr int
}

// Parse reads a run's output and returns the problems it reports, most
// urgent first (a program that does not compile, then races and crashes,
// then what goes wrong in a run, then the static checks), each reported
// once with a count of how often it was seen. Every report of a kind it
// knows becomes a structured Problem; text it does not recognise is
// skipped.
func Parse(in Input) []Problem {
	p := &state{in: in, src: newSources(in.LabDir, in.Editable), ls: splitLines(in.Output), seen: map[string]*Problem{}}
	p.run()
	order := []Kind{Build, Race, ConcurrentMap, Panic, Deadlock, Leak, NotConcurrent, WrongOutput, Script, Static}
	slices.SortStableFunc(p.out, func(a, b *Problem) int {
		return slices.Index(order, a.Kind) - slices.Index(order, b.Kind)
	})
	out := make([]Problem, len(p.out))
	for i, pr := range p.out {
		out[i] = *pr
	}
	return out
}

func (p *state) add(pr *Problem) {
	pr.Check, pr.CheckID = p.check, p.checkID
	pr.Fix = p.in.Fix
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

func (p *state) run() {
	ls := p.ls
	for i := 0; i < len(ls); {
		t := ls[i].text
		switch {
		case t == "WARNING: DATA RACE":
			i = p.race(i + 1)
		case strings.Contains(t, markLeak):
			i = p.leak(i + 1)
		case strings.Contains(t, markDeadlock):
			i = p.deadlock(i)
		case t == "fatal error: all goroutines are asleep - deadlock!":
			i = p.deadlock(i)
		case strings.Contains(t, markNotConcurrent):
			p.notConcurrent(t)
			i++
		case strings.Contains(t, markWrongOutput):
			i = p.wrongOutput(i)
		case strings.Contains(t, markStatic):
			p.static(t)
			i++
		case strings.HasPrefix(t, "fatal error: concurrent map"):
			i = p.crash(i, ConcurrentMap, strings.TrimPrefix(t, "fatal error: "))
		case strings.HasPrefix(t, "panic: ") && p.dumpFollows(i):
			i = p.crash(i, Panic, strings.TrimPrefix(t, "panic: "))
		case strings.HasPrefix(t, "fatal error: ") && p.dumpFollows(i):
			i = p.crash(i, Panic, strings.TrimPrefix(t, "fatal error: "))
		case ls[i].raw == t && reCompile.MatchString(t):
			i = p.build(i)
		case strings.HasPrefix(t, "WORK="):
			// A new testscript log: a new script.
			p.inScript, p.check, p.checkID, p.scriptProblem, p.exitStatus = true, "", "", false, 0
			p.stdout, p.stderr = 0, 0
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
			i++
		case reExit.MatchString(t):
			p.exitStatus, _ = strconv.Atoi(reExit.FindStringSubmatch(t)[1])
			i++
		case reScriptFail.MatchString(t):
			p.scriptFail(reScriptFail.FindStringSubmatch(t))
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
func (p *state) scriptFail(m []string) {
	if p.scriptProblem || strings.Contains(m[3], "racelab:") {
		return
	}
	pr := &Problem{Kind: Script, Message: m[3], ExitStatus: p.exitStatus}
	// testscript's message names the stream it checked but shows only
	// what matched; show the stream.
	switch {
	case strings.Contains(m[3], "stderr") && p.stderr > 0:
		pr.Stream, pr.Got = "stderr", p.section(p.stderr)
		// "! stderr ." is how every lab says "print nothing on
		// stderr"; testscript's complaint about the match is cryptic.
		pr.UnwantedStderr = strings.HasPrefix(m[3], "unexpected match for")
	case strings.Contains(m[3], "stdout") && p.stdout > 0:
		pr.Stream, pr.Got = "stdout", p.section(p.stdout)
	}
	p.add(pr)
}

// section returns the lines of a [stdout] or [stderr] section of a script
// log, starting at ls[i]: up to the next section, command or verdict.
func (p *state) section(i int) []string {
	var out []string
	for ; i < len(p.ls); i++ {
		t := p.ls[i].text
		if strings.HasPrefix(t, "> ") || strings.HasPrefix(t, "[") || strings.HasPrefix(t, "FAIL: ") {
			break
		}
		out = append(out, t)
	}
	return out
}

func (p *state) notConcurrent(t string) {
	pr := &Problem{Kind: NotConcurrent}
	if m := reNotConcurrent.FindStringSubmatch(t); m != nil {
		pr.Most, _ = strconv.Atoi(m[1])
		pr.Want, _ = strconv.Atoi(m[2])
	}
	pr.At = p.findCall("overlap.Work()")
	p.add(pr)
}

func (p *state) wrongOutput(i int) int {
	pr := &Problem{Kind: WrongOutput}
	t := p.ls[i].text
	if m := reWrongOutput.FindStringSubmatch(t); m != nil {
		pr.Expected = m[1]
	}
	// The printed lines follow, each indented one tab more than the
	// failure line.
	indent := p.ls[i].raw[:len(p.ls[i].raw)-len(strings.TrimLeft(p.ls[i].raw, " \t"))]
	i++
	for ; i < len(p.ls); i++ {
		rest, ok := strings.CutPrefix(p.ls[i].raw, indent+"\t")
		if !ok {
			break
		}
		pr.Got = append(pr.Got, rest)
	}
	pr.At = p.findCall("overlap.Window()")
	p.add(pr)
	return i
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

func (p *state) static(t string) {
	m := reStatic.FindStringSubmatch(t)
	if m == nil {
		return
	}
	n, _ := strconv.Atoi(m[2])
	pr := &Problem{Kind: Static, Message: m[3]}
	if base, ok := p.src.student(m[1]); ok {
		pr.At = p.src.place(base, n, "")
	} else {
		pr.At = Place{File: m[1], Line: n}
	}
	if fm := reFixKind.FindStringSubmatch(m[3]); fm != nil {
		// The analyzer reports at the package clause, but the finding
		// is about the whole file.
		pr.At = Place{File: pr.At.File}
		pr.StaticCheck = "fixkind"
		if fm[1] != "" {
			pr.Instead = strings.Split(fm[1], ", ")
		}
	} else if fm := reFakeSync.FindStringSubmatch(m[3]); fm != nil {
		pr.StaticCheck = "fakesync"
		pr.Call = fm[1]
	} else if fm := reConfine.FindStringSubmatch(m[3]); fm != nil {
		pr.StaticCheck = "confine"
		pr.Call = fm[1]
	}
	p.add(pr)
}

// build reads compiler errors: one problem per error, with the lines the
// compiler indents under it (have/want and the like) kept in the message.
func (p *state) build(i int) int {
	m := reCompile.FindStringSubmatch(p.ls[i].text)
	n, _ := strconv.Atoi(m[2])
	pr := &Problem{Kind: Build, Message: m[4]}
	if base, ok := p.src.student(m[1]); ok {
		pr.At = p.src.place(base, n, "")
	} else {
		pr.At = Place{File: baseName(m[1]), Line: n}
	}
	i++
	for ; i < len(p.ls) && strings.HasPrefix(p.ls[i].raw, "\t"); i++ {
		pr.Message += "\n" + p.ls[i].text
	}
	p.add(pr)
	return i
}

func baseName(p string) string {
	p = strings.ReplaceAll(p, `\`, "/")
	return p[strings.LastIndex(p, "/")+1:]
}
