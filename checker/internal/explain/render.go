package explain

import (
	"cmp"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/racelab/racelab/checker/internal/i18n"
)

// Render writes the problems for a student, in language lang, with ANSI
// colours when color is set (the caller decides: a terminal, and no
// NO_COLOR). Each problem gets a title, the places in the student's files
// with their source lines, a sentence of why it is a problem and one of
// what to do. A race, a deadlock and a leak are drawn (DiagramOf): the
// goroutines as lanes, what each did on the student's lines down them.
//
// width is the terminal's width in columns: the words are wrapped to it at
// spaces (a terminal would break them mid-word) and the diagrams laid out
// for it. 0, for output that is not a terminal, wraps nothing and lays
// the diagrams out for 80 columns.
func Render(w io.Writer, ps []Problem, lang i18n.Lang, color bool, width int) error {
	r := &renderer{w: w, l: lang, color: color, width: width, diagrams: true, why: map[i18n.Key]bool{}}
	return r.render(ps)
}

func (r *renderer) render(ps []Problem) error {
	// Compile errors come one per line of the compiler's output but are
	// one problem for the student: the program does not compile.
	var items [][]Problem
	for _, p := range ps {
		if n := len(items); p.Kind == Build && n > 0 && items[n-1][0].Kind == Build {
			items[n-1] = append(items[n-1], p)
			continue
		}
		items = append(items, []Problem{p})
	}
	for i, item := range items {
		if i > 0 {
			r.printf("\n")
		}
		prefix := ""
		if len(items) > 1 {
			prefix = strconv.Itoa(i+1) + ". "
		}
		if item[0].Kind == Build {
			r.build(prefix, item)
			continue
		}
		r.problem(prefix, item[0])
	}
	if r.err != nil {
		return fmt.Errorf("writing the explanation: %w", r.err)
	}
	return nil
}

type renderer struct {
	w        io.Writer
	l        i18n.Lang
	color    bool
	width    int  // columns to wrap at; 0: none
	diagrams bool // draw races, deadlocks and leaks (off only to measure what drawing costs)
	err      error
	// why records the general explanations already given: three races
	// need "what a race is" once, not three times.
	why map[i18n.Key]bool
}

// whyOnce prints a general explanation the first time it comes up.
func (r *renderer) whyOnce(k i18n.Key) {
	if !r.why[k] {
		r.why[k] = true
		r.text(r.t(k))
	}
}

// ANSI styles.
const (
	styleTitle  = "1;31" // bold red
	styleWorks  = "1;33" // bold yellow: it works, but not the lab's way
	stylePlace  = "36"   // cyan
	styleSource = "2"    // dim
	styleAdvice = "32"   // green
	styleLabel  = "1"    // bold
)

func (r *renderer) paint(style, s string) string {
	if !r.color || s == "" {
		return s
	}
	return "\x1b[" + style + "m" + s + "\x1b[0m"
}

func (r *renderer) printf(format string, args ...any) {
	if r.err == nil {
		_, r.err = fmt.Fprintf(r.w, format, args...)
	}
}

// Indentation: problem lines, then source lines and their notes.
const (
	ind1 = "   "
	ind2 = "       "
)

func (r *renderer) text(s string)                    { r.wrapped(s, ind1, ind1) }
func (r *renderer) note(s string)                    { r.wrapped(s, ind2, ind2) }
func (r *renderer) t(k i18n.Key, args ...any) string { return r.l.T(k, args...) }

// wrapped prints s after first, wrapped at spaces to the width, its other
// lines after rest; on one line when there is no width.
func (r *renderer) wrapped(s, first, rest string) {
	if r.width <= 0 {
		r.printf("%s%s\n", first, s)
		return
	}
	for _, l := range wrap([]seg{{s, ""}}, r.width, first, rest) {
		r.printf("%s\n", plain(l))
	}
}

// place prints "file:line  what happened there", then the source line.
func (r *renderer) place(p Place, desc string) {
	if p.IsZero() {
		r.text(desc)
		return
	}
	r.wrapped(r.paint(stylePlace, p.String())+"  "+desc, ind1, ind1+"  ")
	if p.Source != "" {
		r.printf("%s%s\n", ind2, r.paint(styleSource, p.Source)) // code is not wrapped
	}
}

// calls prints the student's frames that led to a place.
func (r *renderer) calls(calls []Place) {
	for _, c := range calls {
		s := r.t(i18n.CalledAt, r.paint(stylePlace, c.String()))
		if c.Source != "" {
			s += ": " + r.paint(styleSource, c.Source)
		}
		r.note(s)
	}
}

func (r *renderer) title(prefix, s string, p Problem) {
	if p.Count > 1 {
		s += " (" + r.t(i18n.SeenTimes, p.Count) + ")"
	}
	style := styleTitle
	if p.Kind == OtherKind {
		style = styleWorks // not an error: the program works
	}
	r.wrapped(r.paint(style, s), prefix, ind1)
	if p.Check != "" && p.Kind != Script {
		r.text(r.t(i18n.CheckLabel, r.check(p)))
	}
}

// check is what the failed script checks, in the student's language when
// the script says it in both.
func (r *renderer) check(p Problem) string {
	if r.l == i18n.ID && p.CheckID != "" {
		return p.CheckID
	}
	return p.Check
}

func (r *renderer) advice(p Problem) {
	if p.Advice == "" {
		return
	}
	var s string
	switch p.Advice {
	case i18n.AdviceRaceWaitGroup, i18n.AdviceRaceMutex, i18n.AdviceRaceRWMutex, i18n.AdviceRaceAtomic,
		i18n.AdviceRaceChannel, i18n.AdviceRaceOnce, i18n.AdviceRaceAny:
		s = r.t(p.Advice, r.orVar(p.Var))
	case i18n.AdviceRaceSome:
		s = r.t(p.Advice, r.orVar(p.Var), r.fixNames(p.Fix))
	case i18n.AdviceStaticFixKind, i18n.AdviceStaticFake, i18n.AdviceOtherKind:
		s = r.t(p.Advice, r.orFix(p.Fix))
	case i18n.AdviceWindowSkipped:
		s = r.t(p.Advice, p.Call)
	case i18n.AdviceWaitGroupAdd:
		wg := p.Var
		if p.Kind == Race {
			wg = p.Call
		}
		s = r.t(p.Advice, cmp.Or(wg, "wg"))
	case i18n.AdviceCopyLock, i18n.AdviceCopyWaitGroup, i18n.AdviceCopyAtomic:
		typ := "T"
		if p.Copy != nil {
			typ = p.Copy.Type
		}
		s = r.t(p.Advice, typ)
	case i18n.AdviceLostCancel:
		s = r.t(p.Advice, cmp.Or(p.Var, "cancel"))
	case i18n.AdviceLoadStore, i18n.AdviceAddLoad, i18n.AdviceCheckActAtomic:
		s = r.t(p.Advice, r.orVar(p.Var))
	case i18n.AdviceSplitLock, i18n.AdviceCheckActLock:
		s = r.t(p.Advice, r.orVar(p.Var), cmp.Or(p.Call, "mu"))
	case i18n.AdviceUnwaited:
		var waits []string
		for _, k := range p.Fix {
			if k == "waitgroup" || k == "channel" || k == "errgroup" {
				waits = append(waits, k)
			}
		}
		if len(waits) == 0 {
			waits = []string{"waitgroup", "channel"}
		}
		s = r.t(p.Advice, r.fixNames(waits))
	default:
		s = r.t(p.Advice)
	}
	r.text(r.paint(styleLabel, r.t(i18n.AdviceLabel)) + " " + r.paint(styleAdvice, s))
}

func (r *renderer) orVar(v string) string {
	if v == "" {
		return r.t(i18n.SomeVariable)
	}
	return v
}

// fixNames names the lab's fix kinds: "a sync.Mutex or sync/atomic".
func (r *renderer) fixNames(fix []string) string {
	var names []string
	for _, k := range fix {
		switch k {
		case "waitgroup":
			names = append(names, r.t(i18n.FixWaitGroup))
		case "channel":
			names = append(names, r.t(i18n.FixChannel))
		case "mutex":
			names = append(names, r.t(i18n.FixMutex))
		case "rwmutex":
			names = append(names, r.t(i18n.FixRWMutex))
		case "atomic":
			names = append(names, r.t(i18n.FixAtomic))
		case "once":
			names = append(names, r.t(i18n.FixOnce))
		case "cond":
			names = append(names, r.t(i18n.FixCond))
		case "errgroup":
			names = append(names, r.t(i18n.FixErrgroup))
		case "context":
			names = append(names, r.t(i18n.FixContext))
		}
	}
	return r.join(names, i18n.Or)
}

// join lists names as a sentence does: "a, b or c" (word: Or, And).
func (r *renderer) join(names []string, word i18n.Key) string {
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " " + r.t(word) + " " + names[len(names)-1]
}

// orFix names the lab's fix kinds, or its tool in general words when the
// lab does not say (or accepts any).
func (r *renderer) orFix(fix []string) string {
	if s := r.fixNames(fix); s != "" {
		return s
	}
	return r.t(i18n.SomeFix)
}

func (r *renderer) who(main bool, id int) string {
	if main {
		return r.t(i18n.WhoMain)
	}
	return r.t(i18n.WhoN, id)
}

// reLiteral matches the names the compiler gives function literals.
var reLiteral = regexp.MustCompile(`\.(?:func|gowrap)\d+`)

// inFunc names the function a place is in, when naming it helps: a named
// function other than run, the program's body (or main, in a program
// that is not a lab's), such as a method or a helper; not a function
// literal, whose compiler name (run.func1) would only confuse.
func (r *renderer) inFunc(p Place) string {
	if p.Func == "" || p.Func == "run" || p.Func == "main" || reLiteral.MatchString(p.Func) {
		return ""
	}
	return " " + r.t(i18n.InFunc, p.Func)
}

func (r *renderer) problem(prefix string, p Problem) {
	switch p.Kind {
	case Race:
		r.race(prefix, p)
	case ConcurrentMap, Panic:
		r.crash(prefix, p)
	case Leak:
		r.leak(prefix, p)
	case Deadlock:
		r.deadlock(prefix, p)
	case NotConcurrent:
		r.notConcurrent(prefix, p)
	case WrongOutput:
		r.title(prefix, r.t(i18n.WrongOutputTitle), p)
		r.text(r.t(i18n.WrongOutputExpected, p.Expected))
		if len(p.Got) == 0 {
			r.text(r.t(i18n.WrongOutputNothing))
		} else {
			r.text(r.t(i18n.WrongOutputGot))
			for _, g := range p.Got {
				r.note(g)
			}
		}
		if !p.At.IsZero() {
			r.place(p.At, r.t(i18n.WrongOutputWhere))
		}
		switch {
		case p.ReportedCancel:
			r.whyOnce(i18n.WrongOutputWhyCancel)
		case p.CheckThenAct:
			r.whyOnce(i18n.WrongOutputWhy)
		default:
			r.whyOnce(i18n.WrongOutputWhyLost)
		}
	case Static:
		if r.vet(prefix, p) {
			break
		}
		r.title(prefix, r.t(i18n.StaticTitle), p)
		if p.StaticCheck == "fixkind" {
			r.text(r.staticFinding(p)) // names the file itself
		} else {
			r.place(p.At, r.staticFinding(p))
		}
		if p.StaticCheck == "confine" {
			r.whyOnce(i18n.StaticRefused)
		}
	case OtherKind:
		r.otherKind(prefix, p)
	case Unwaited:
		r.title(prefix, r.t(i18n.UnwaitedTitle), p)
		if !p.At.IsZero() {
			r.place(p.At, r.t(i18n.UnwaitedWhere))
		}
		if p.Printed > 0 {
			r.text(r.t(i18n.UnwaitedPrinted, p.Printed))
		}
		r.whyOnce(i18n.UnwaitedWhy)
	case EarlyExit:
		r.title(prefix, r.t(i18n.EarlyExitTitle), p)
		r.whyOnce(i18n.EarlyExitWhy)
	case BusyWait:
		r.busyWait(prefix, p)
	case Missed:
		r.title(prefix, r.t(i18n.MissedTitle, p.Variant), p)
		if about := r.about(p); about != "" {
			r.text(r.t(i18n.MissedAbout, p.Variant, about))
		} else {
			r.text(r.t(i18n.MissedNoAbout, p.Variant))
		}
		r.whyOnce(i18n.MissedWhy)
	case FalseAlarm:
		r.title(prefix, r.t(i18n.AlarmTitle, p.Variant), p)
		if len(p.Got) > 0 {
			r.text(r.t(i18n.AlarmPrinted))
			for _, g := range p.Got {
				r.note(g)
			}
		}
		if p.AlarmLeak {
			r.whyOnce(i18n.AlarmLeakWhy)
			break
		}
		r.whyOnce(i18n.AlarmWhy)
	case Script:
		what := r.check(p)
		if what == "" {
			what = p.Message
		}
		r.title(prefix, r.t(i18n.ScriptTitle, what), p)
		switch {
		case p.Audit:
			r.text(r.t(i18n.ScriptAudit))
		case p.UnwantedStderr:
			r.text(r.t(i18n.ScriptUnwantedStderr))
		case p.Check != "" && p.Message != "":
			r.text(p.Message)
		}
		if p.ExitStatus != 0 {
			r.text(r.t(i18n.ScriptExit, p.ExitStatus))
		}
		if p.Stream != "" {
			if !p.Audit { // ScriptAudit has said whose lines follow
				r.text(r.t(i18n.ScriptPrinted, p.Stream))
			}
			for _, g := range p.Got {
				r.note(g)
			}
		}
	}
	if p.Variant != "" && p.Kind != Missed && p.Kind != FalseAlarm {
		// A testing lab's test that races or hangs against a correct
		// version of the code: the test is at fault.
		r.text(r.t(i18n.TestAgainst, p.Variant))
	}
	r.advice(p)
}

// about is what is wrong with the version of the code a test missed a bug
// in, in the student's language when the lab says it in both.
func (r *renderer) about(p Problem) string {
	if r.l == i18n.ID && p.About.ID != "" {
		return p.About.ID
	}
	return p.About.EN
}

// busyWait explains a goroutine that kept running while the program
// waited for it to block: where it spins (the select with a default, or
// the loop), and why spinning is not waiting.
func (r *renderer) busyWait(prefix string, p Problem) {
	r.title(prefix, r.t(i18n.BusyWaitTitle), p)
	who := r.t(i18n.SomeGoroutine)
	var g Goroutine
	if len(p.Goroutines) > 0 {
		g = p.Goroutines[0]
		who = r.who(g.Main, g.ID)
	}
	switch {
	case !p.At.IsZero() && p.SpinSelect:
		r.place(p.At, r.t(i18n.BusyWaitSelect, who))
	case !p.At.IsZero():
		r.place(p.At, r.t(i18n.BusyWaitLoop, who))
	case !g.At.IsZero() && p.Waited != "":
		r.place(g.At, r.t(i18n.BusyWaitWhere, who, p.Waited)+r.inFunc(g.At))
		r.calls(g.Calls)
	case !g.At.IsZero():
		r.place(g.At, r.t(i18n.WaitRunning, who)+r.inFunc(g.At))
		r.calls(g.Calls)
	}
	if !g.Created.IsZero() {
		r.place(g.Created, r.t(i18n.StartedHere, who))
	}
	r.whyOnce(i18n.BusyWaitWhy)
}

// otherKind explains a fix that works but is not the kind the lab
// practises. It is never headed as a failure: the student's program is
// right, and hearing it called wrong would teach them to distrust the
// tool.
func (r *renderer) otherKind(prefix string, p Problem) {
	lab := r.orFix(p.Fix)
	switch p.Other {
	case OtherReaders:
		r.title(prefix, r.t(i18n.OtherKindSerialTitle), p)
		r.text(r.t(i18n.OtherKindReaders, p.Most, p.Want, lab))
	case OtherSerialised:
		r.title(prefix, r.t(i18n.OtherKindSerialTitle), p)
		r.text(r.t(i18n.OtherKindSerialised, p.Most, p.Want, lab))
	default:
		r.title(prefix, r.t(i18n.OtherKindTitle), p)
		var used []string
		for _, k := range p.Instead {
			if n := r.fixNames([]string{k}); n != "" {
				used = append(used, n)
			}
		}
		if len(used) == 0 {
			r.text(r.t(i18n.OtherKindNone, lab))
		} else {
			r.text(r.t(i18n.OtherKindUses, lab, r.join(used, i18n.And)))
		}
	}
}

// notConcurrent explains a run whose tasks did not run at the same time:
// how far from it they were, where they went one by one, and why that
// matters; a program that never started a goroutine did not lose its
// concurrency, it never had any.
func (r *renderer) notConcurrent(prefix string, p Problem) {
	switch {
	case p.Skipped:
		r.title(prefix, r.t(i18n.NotConcurrentSkippedTitle), p)
		r.text(r.t(i18n.NotConcurrentSkippedWhy, p.Call))
		return
	case p.Started:
		r.title(prefix, r.t(i18n.NotConcurrentStartedTitle, p.Most, p.Want), p)
	case p.Most == 0 && p.Want > 0:
		// Nothing overlapped because nothing ran: not "one after
		// another", but a run that did not wait for its tasks at all.
		r.title(prefix, r.t(i18n.NotConcurrentNoneTitle, p.Want), p)
		r.whyOnce(i18n.NotConcurrentNoneWhy)
		return
	default:
		r.title(prefix, r.t(i18n.NotConcurrentTitle, p.Most, p.Want), p)
	}
	if !p.At.IsZero() {
		switch p.Serial {
		case SerialLoop:
			r.place(p.At, r.t(i18n.NotConcurrentLoop))
		case SerialLock:
			r.place(p.At, r.t(i18n.NotConcurrentLocked, r.orVar(p.Var)))
		case SerialWait:
			r.place(p.At, r.t(i18n.NotConcurrentWaits))
		default:
			r.place(p.At, r.t(i18n.NotConcurrentWhere))
		}
	}
	if p.NoGo {
		r.whyOnce(i18n.NotConcurrentWhyNoGo)
	} else {
		r.whyOnce(i18n.NotConcurrentWhy)
	}
}

// build prints a run's compile errors as one problem.
func (r *renderer) build(prefix string, ps []Problem) {
	r.title(prefix, r.t(i18n.BuildTitle), ps[0])
	for _, p := range ps {
		first, rest, _ := strings.Cut(p.Message, "\n")
		r.place(p.At, first)
		for _, l := range strings.Split(rest, "\n") {
			if l != "" {
				r.note(l)
			}
		}
	}
	r.advice(ps[0])
}

func (r *renderer) staticFinding(p Problem) string {
	switch p.StaticCheck {
	case "fixkind":
		s := r.t(i18n.StaticFixKind, p.At.File, r.fixNames(p.Fix))
		if len(p.Instead) > 0 {
			var names []string
			for _, k := range p.Instead {
				names = append(names, r.fixNames([]string{k}))
			}
			s += " " + r.t(i18n.StaticInstead, strings.Join(names, ", "))
		}
		return s
	case "fakesync":
		switch p.Call {
		case "time.Sleep":
			return r.t(i18n.StaticSleep)
		case "runtime.Gosched":
			return r.t(i18n.StaticGosched)
		case "runtime.GOMAXPROCS":
			return r.t(i18n.StaticGOMAXPROCS)
		default:
			return r.t(i18n.StaticExit, p.Call)
		}
	case "confine":
		if p.Call == "" {
			return p.Message
		}
		if p.Call == "os.Exit" {
			return r.t(i18n.StaticConfineExit, p.Call)
		}
		return r.t(i18n.StaticConfine, p.Call)
	}
	return p.Message
}

func (r *renderer) race(prefix string, p Problem) {
	if p.Var != "" {
		r.title(prefix, r.t(i18n.RaceTitle, p.Var), p)
	} else {
		r.title(prefix, r.t(i18n.RaceTitleNoVar), p)
	}
	if !r.diagram(p) {
		for _, a := range p.Accesses {
			r.place(a.At, r.t(accessKey(a), r.who(a.Main, a.Goroutine), r.orVar(a.Var))+r.inFunc(a.At))
			r.calls(a.Calls)
		}
		r.started(p.Accesses)
	}
	switch p.CauseCheck {
	case vetWaitGroup:
		r.place(p.Cause, r.t(i18n.RaceFromAdd, cmp.Or(p.Call, "wg")))
	case vetAtomic:
		r.place(p.Cause, r.t(i18n.RaceFromAtomic, r.orVar(p.Var)))
	}
	r.whyOnce(i18n.RaceWhy)
}

// vet explains a finding of go vet's concurrency checks, each headed by
// what is wrong rather than as a "wrong fix": the student's code is wrong
// in a way go vet names. It reports whether p is one.
func (r *renderer) vet(prefix string, p Problem) bool {
	switch p.StaticCheck {
	case vetWaitGroup:
		wg := cmp.Or(p.Var, "wg")
		r.title(prefix, r.t(i18n.VetWaitGroupTitle, wg), p)
		r.place(p.At, r.t(i18n.VetWaitGroup, wg))
	case vetCopyLocks:
		c := p.Copy
		if c == nil {
			c = &Copy{How: CopyOther, Type: "T", Lock: "sync.Mutex"}
		}
		r.title(prefix, r.t(an(c.Lock, i18n.VetCopyTitle, i18n.VetCopyTitleAn), c.Lock), p)
		what := c.Type
		if c.Type != c.Lock {
			what = r.t(an(c.Lock, i18n.VetCopyHolds, i18n.VetCopyHoldsAn), c.Type, c.Lock)
		}
		r.place(p.At, r.t(copyKey(c), cmp.Or(c.Into, "?"), what))
		switch c.Kind() {
		case CopyWaitGroup:
			r.whyOnce(i18n.VetCopyWhyWG)
		case CopyAtomic:
			r.whyOnce(i18n.VetCopyWhyAtomic)
		default:
			r.whyOnce(i18n.VetCopyWhy)
		}
	case vetLostCancel:
		r.title(prefix, r.t(i18n.VetLostCancelTitle), p)
		switch {
		case strings.HasPrefix(p.Call, "context."):
			r.place(p.At, r.t(i18n.VetCancelDiscarded, p.Call))
		case p.Call != "":
			r.place(p.At, r.t(i18n.VetCancelReturn, cmp.Or(p.Var, "cancel"), p.Call))
		default:
			r.place(p.At, r.t(i18n.VetCancelPaths, cmp.Or(p.Var, "cancel")))
		}
		r.whyOnce(i18n.VetLostCancelWhy)
	case vetAtomic:
		r.title(prefix, r.t(i18n.VetAtomicTitle), p)
		r.place(p.At, r.t(i18n.VetAtomic, r.orVar(p.Var)))
	case vetLoadStore:
		v := r.orVar(p.Var)
		if p.Call == "Add" {
			r.title(prefix, r.t(i18n.VetAddLoadTitle, v), p)
			if !p.Cause.IsZero() {
				r.place(p.Cause, r.t(i18n.VetAddLoadAdd, v))
			}
			r.place(p.At, r.t(i18n.VetAddLoad, v))
			r.whyOnce(i18n.VetAddLoadWhy)
			break
		}
		if p.CheckThenAct {
			r.title(prefix, r.t(i18n.VetCheckActAtomicTitle, v), p)
			if !p.Cause.IsZero() {
				r.place(p.Cause, r.t(i18n.VetCheckActAtomicLoad, v))
			}
			r.place(p.At, r.t(i18n.VetCheckActAtomic, v, cmp.Or(p.Call, "Store")))
			r.whyOnce(i18n.VetCheckActAtomicWhy)
			break
		}
		r.title(prefix, r.t(i18n.VetLoadStoreTitle, v), p)
		if !p.Cause.IsZero() {
			r.place(p.Cause, r.t(i18n.VetLoadStoreLoad, v))
		}
		switch p.Call {
		case "Swap":
			r.place(p.At, r.t(i18n.VetLoadSwap, v))
			r.whyOnce(i18n.VetLoadStoreWhy)
		case "CompareAndSwap":
			r.place(p.At, r.t(i18n.VetLoadCAS, v))
			r.whyOnce(i18n.VetLoadCASWhy)
		default:
			r.place(p.At, r.t(i18n.VetLoadStore, v))
			r.whyOnce(i18n.VetLoadStoreWhy)
		}
	case vetSplitLock:
		v, lock := r.orVar(p.Var), cmp.Or(p.Call, "mu")
		if p.Torn {
			r.title(prefix, r.t(i18n.VetTornTitle), p)
			r.place(p.At, r.t(i18n.VetTorn, v, r.orVar(p.Var2), lock))
			r.whyOnce(i18n.VetTornWhy)
			break
		}
		if p.CheckThenAct {
			r.title(prefix, r.t(i18n.VetCheckActLockTitle, v), p)
			if !p.Cause.IsZero() {
				r.place(p.Cause, r.t(i18n.VetCheckActLockTest, v, lock))
			}
			r.place(p.At, r.t(i18n.VetCheckActLock, v, lock))
			r.whyOnce(i18n.VetCheckActLockWhy)
			break
		}
		r.title(prefix, r.t(i18n.VetSplitLockTitle, v), p)
		if !p.Cause.IsZero() {
			r.place(p.Cause, r.t(i18n.VetSplitLockRead, v, lock))
		}
		r.place(p.At, r.t(i18n.VetSplitLock, v, lock))
		r.whyOnce(i18n.VetSplitLockWhy)
	case vetSpin:
		r.title(prefix, r.t(i18n.SpinTitle), p)
		switch {
		case p.SpinSelect:
			r.place(p.At, r.t(i18n.SpinSelect))
		case p.SpinTick != "":
			r.place(p.At, r.t(i18n.SpinTick, p.SpinTick))
		case p.Call != "":
			r.place(p.At, r.t(i18n.SpinLock, p.Call))
		default:
			r.place(p.At, r.t(i18n.SpinPoll, r.orVar(p.Var)))
		}
		r.whyOnce(i18n.SpinWhy)
	case vetWakeOrder:
		r.title(prefix, r.t(i18n.WakeOrderTitle), p)
		wake := "Broadcast()"
		if p.Call != "" {
			wake = p.Call + "()"
		}
		r.place(p.At, r.t(i18n.WakeOrder, wake, r.orVar(p.Var)))
		r.whyOnce(i18n.WakeOrderWhy)
	case vetTimeGuess:
		r.title(prefix, r.t(i18n.TimeGuessTitle), p)
		r.place(p.At, r.t(i18n.TimeGuess, r.orVar(p.Call), r.orVar(p.Var)))
		r.whyOnce(i18n.TimeGuessWhy)
	case vetCancelFirst:
		r.title(prefix, r.t(i18n.CancelFirstTitle), p)
		r.place(p.At, r.t(i18n.CancelFirst, r.orVar(p.Call)+"()", r.orVar(p.Var)))
		r.whyOnce(i18n.CancelFirstWhy)
	case vetAddOrder:
		r.title(prefix, r.t(i18n.AddOrderTitle), p)
		r.place(p.At, r.t(i18n.AddOrder, r.orVar(p.Var)+".Add"))
		r.whyOnce(i18n.AddOrderWhy)
	case vetTryLock:
		r.title(prefix, r.t(i18n.TryLockTitle), p)
		r.place(p.At, r.t(i18n.TryLock, r.orVar(p.Call)+"()"))
		r.whyOnce(i18n.TryLockWhy)
	default:
		return false
	}
	return true
}

// an picks the English words with "a" or with "an" before name, by its
// first letter (atomic.Int64 takes "an", sync.Mutex "a").
func an(name string, withA, withAn i18n.Key) i18n.Key {
	if name != "" && strings.ContainsRune("aeiouAEIOU", rune(name[0])) {
		return withAn
	}
	return withA
}

// copyKey is the words for how a line copies a value that holds a lock.
func copyKey(c *Copy) i18n.Key {
	switch {
	case c.How == CopyParam && c.Into != "":
		return i18n.VetCopyParam
	case c.How == CopyParam:
		return i18n.VetCopyParamLit
	case c.How == CopyAssign:
		return i18n.VetCopyAssign
	case c.How == CopyRange:
		return i18n.VetCopyRange
	case c.How == CopyCall:
		return i18n.VetCopyCall
	case c.How == CopyReturn:
		return i18n.VetCopyReturn
	}
	return i18n.VetCopyOther
}

func accessKey(a Access) i18n.Key {
	switch a.Op {
	case OpChanSend:
		return i18n.RaceChanSend
	case OpChanReceive:
		return i18n.RaceChanReceive
	case OpChanClose:
		return i18n.RaceChanClose
	case OpMapRead:
		return i18n.RaceMapRead
	case OpMapWrite:
		return i18n.RaceMapWrite
	case OpMapDelete:
		return i18n.RaceMapDelete
	case OpWaitGroupAdd:
		return i18n.RaceWaitGroupAdd
	case OpWaitGroupWait:
		return i18n.RaceWaitGroupWait
	}
	if a.Write {
		return i18n.RaceWrite
	}
	return i18n.RaceRead
}

// started says where the racing goroutines were started, once when both
// came from the same go statement (a loop's, typically).
func (r *renderer) started(accs []Access) {
	var with []Access
	for _, a := range accs {
		if !a.Main && !a.Created.IsZero() {
			with = append(with, a)
		}
	}
	if len(with) == 2 && with[0].Created == with[1].Created && with[0].Goroutine != with[1].Goroutine {
		r.place(with[0].Created, r.t(i18n.BothStartedHere))
		return
	}
	for _, a := range with {
		r.place(a.Created, r.t(i18n.StartedHere, r.who(false, a.Goroutine)))
	}
}

func (r *renderer) crash(prefix string, p Problem) {
	if p.Kind == ConcurrentMap {
		r.title(prefix, r.t(i18n.MapTitle, p.Message), p)
	} else if p.Fatal {
		r.title(prefix, r.t(i18n.FatalTitle, p.Message), p)
	} else {
		r.title(prefix, r.t(i18n.PanicTitle, p.Message), p)
	}
	for _, g := range p.Goroutines {
		who := r.who(g.Main, g.ID)
		if p.Kind == ConcurrentMap {
			r.place(g.At, r.t(i18n.MapWhere, who, r.orVar(g.On))+r.inFunc(g.At))
		} else {
			r.place(g.At, r.t(i18n.PanicWhere, who)+r.inFunc(g.At))
		}
		r.calls(g.Calls)
		if !g.Created.IsZero() {
			r.place(g.Created, r.t(i18n.StartedHere, who))
		}
	}
	if p.Kind == ConcurrentMap {
		r.whyOnce(i18n.MapWhy)
	}
}

// waitDesc says what a stuck goroutine waits for.
func (r *renderer) waitDesc(g Goroutine, who string) string {
	on := g.On
	if g.OnAlias != "" {
		on += " (= " + g.OnAlias + ")"
	}
	or := func(k i18n.Key) string {
		if on == "" {
			return r.t(k)
		}
		return on
	}
	switch g.Wait {
	case WaitSend:
		return r.t(i18n.WaitSend, who, or(i18n.SomeChannel))
	case WaitReceive:
		return r.t(i18n.WaitReceive, who, or(i18n.SomeChannel))
	case WaitSelect:
		return r.t(i18n.WaitSelect, who, or(i18n.SomeChannel))
	case WaitLock:
		return r.t(i18n.WaitLock, who, or(i18n.SomeMutex))
	case WaitRLock:
		return r.t(i18n.WaitRLock, who, or(i18n.SomeMutex))
	case WaitWaitGroup:
		return r.t(i18n.WaitWaitGroup, who, or(i18n.SomeWaitGroup))
	case WaitCond:
		return r.t(i18n.WaitCond, who, or(i18n.SomeVariable))
	case WaitSleep:
		return r.t(i18n.WaitSleep, who)
	case WaitRunning:
		return r.t(i18n.WaitRunning, who)
	case WaitLate:
		return r.t(i18n.WaitLate, who)
	case WaitStep:
		return r.t(i18n.WaitStep, who)
	}
	return r.t(i18n.WaitOther, who, g.State)
}

// goroutines prints stuck goroutines: where each waits, on what, what it
// holds, how it got there and where it was started.
func (r *renderer) goroutines(gs []Goroutine) {
	for _, g := range gs {
		who := r.who(g.Main, g.ID)
		desc := r.waitDesc(g, who) + r.inFunc(g.At)
		if g.Count > 1 {
			desc += " " + r.t(i18n.LikeOthers, g.Count-1)
		}
		if g.WaitsFor != 0 && g.WaitsFor != g.ID {
			desc += "; " + r.t(i18n.HeldBy, r.who(false, g.WaitsFor))
		}
		r.place(g.At, desc)
		for _, l := range g.Holds {
			name := l.Expr
			if l.Alias != "" {
				name += " (= " + l.Alias + ")"
			}
			r.note(r.t(i18n.Holds, name, r.paint(stylePlace, l.At.String())))
		}
		r.calls(g.Calls)
		if !g.Created.IsZero() {
			s := r.t(i18n.StartedAt, who, r.paint(stylePlace, g.Created.String()))
			if g.Count > 1 {
				s = r.t(i18n.StartedAtMany, r.paint(stylePlace, g.Created.String()))
			}
			if g.Created.Source != "" {
				s += ": " + r.paint(styleSource, g.Created.Source)
			}
			r.note(s)
		}
	}
}

func (r *renderer) leak(prefix string, p Problem) {
	r.title(prefix, r.t(i18n.LeakTitle), p)
	if len(p.Goroutines) == 0 && len(p.Elsewhere) > 0 {
		// Started for the student's file by a function it calls: where
		// they wait says what that function needs in order to stop.
		r.text(r.t(i18n.LeakElsewhere))
		r.goroutines(p.Elsewhere)
	} else if len(p.Goroutines) == 0 {
		r.text(r.t(i18n.LeakNone))
	}
	if !r.diagram(p) {
		r.goroutines(p.Goroutines)
	}
	r.whyOnce(i18n.LeakWhy)
}

func (r *renderer) deadlock(prefix string, p Problem) {
	if p.Watchdog != "" && p.Variant != "" {
		r.title(prefix, r.t(i18n.TestHangTitle, p.Watchdog), p) // a testing lab's test hung
	} else if p.Watchdog != "" {
		r.title(prefix, r.t(i18n.DeadlockTitleWatchdog, p.Watchdog), p)
	} else {
		r.title(prefix, r.t(i18n.DeadlockTitle), p)
	}
	if len(p.Goroutines) == 0 {
		r.text(r.t(i18n.DeadlockNone))
	}
	if !r.diagram(p) {
		r.goroutines(p.Goroutines)
	}
	switch {
	case len(p.Cycle) == 1:
		r.text(r.self(p))
	case len(p.Cycle) > 1:
		var names []string
		for _, id := range append(p.Cycle, p.Cycle[0]) {
			names = append(names, r.who(false, id))
		}
		r.text(r.t(i18n.DeadlockCycle, chain(names)))
	default:
		r.whyOnce(i18n.DeadlockWhy)
	}
}

// self says why a goroutine that locks a mutex it holds waits forever: the
// lock, where it took it and where it waits to take it again, when the
// source shows them.
func (r *renderer) self(p Problem) string {
	for _, g := range p.Goroutines {
		if g.ID != p.Cycle[0] || g.Again == nil {
			continue
		}
		return r.t(i18n.DeadlockSelfAt, r.who(g.Main, g.ID), g.Again.Expr, r.lineOf(g.Again.At, g.At), r.lineOf(g.At, g.Again.At))
	}
	return r.t(i18n.DeadlockSelf, r.who(false, p.Cycle[0]))
}

// lineOf names p's line: "line 24" beside a place in the same file,
// file:line otherwise.
func (r *renderer) lineOf(p, beside Place) string {
	if p.File == beside.File {
		return r.t(i18n.LineN, p.Line)
	}
	return p.String()
}

// diagram draws p, instead of the list of its places, when it can be drawn:
// the diagram shows each place, with its line of code, in its lane.
func (r *renderer) diagram(p Problem) bool {
	if !r.diagrams {
		return false
	}
	d, ok := DiagramOf(p)
	if !ok {
		return false
	}
	for _, l := range laidOut(d, r.l).text(r.width, r.color, ind1) {
		r.printf("%s\n", l)
	}
	return true
}

// chain joins the goroutines of a cycle, back to the first, with arrows; a
// long one (a ring of seventeen accounts) keeps its ends around an
// ellipsis: the names in the middle say nothing the first ones do not.
func chain(names []string) string {
	if len(names) > 5 {
		names = []string{names[0], names[1], "…", names[len(names)-2], names[len(names)-1]}
	}
	return strings.Join(names, " → ")
}
