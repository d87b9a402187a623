// Package verify proves that labs are right: for every lab, the shipped
// program fails for the reason its lab.toml declares, every time; the
// reference solution passes, every time, with one and with two OS threads
// and with every core busy; and the usual cheats fail. A lab that is
// sometimes wrong silently ruins a class's grades, so any deviation in any
// run is a failure.
//
// Besides behaviour, it checks the lab's metadata and files (Structure,
// Repository) and lists the text an instructor has still to write
// (Unwritten): a lab whose behaviour is proven but which still holds
// placeholders is a draft, not a finished lab.
package verify

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/racelab/racelab/checker/internal/mutate"
	"github.com/racelab/racelab/checker/internal/run"
	"github.com/racelab/racelab/checker/lab"
	"github.com/racelab/racelab/checker/labvet"
	"github.com/racelab/racelab/checker/protocol"
)

// Options configures a verification.
type Options struct {
	Root    string // the racelab repository
	Count   int    // runs of the shipped program and the solution per GOMAXPROCS setting, and under load
	Jobs    int    // builds and runs at once
	Hog     bool   // also run the shipped program and the solution with every core kept busy
	Mutants bool   // also run the cheats (removed go, serialised, sleeps)
	// Progress, if set, is called once per finished run.
	Progress func(lab, check string)
}

// Check is one property of a lab and how the runs went.
type Check struct {
	Name   string // "shipped", "solution", "no-go@20", ...
	Want   string // what each run must give: a reason, "pass", "fail", or reasons joined by "|"
	About  string // for a cheat: what it does, in words
	Runs   int
	Got    map[protocol.Reason]int            // runs by primary reason
	ByCond map[string]map[protocol.Reason]int // the same, by condition ("GOMAXPROCS=1", ...)
	Static []string                           // the static checks' findings (solution only)
	Sample string                             // the output of one run that deviated
	Err    error                              // the check could not be made
	// Skipped says why a cheat was not tried (its mutant does not compile:
	// a limit of the mutation, not a fault of the lab).
	Skipped string
}

// OK reports whether every run gave what the check wants.
func (c *Check) OK() bool {
	if c.Skipped != "" {
		return true
	}
	if c.Err != nil || c.Runs == 0 {
		return false
	}
	if c.Want == string(protocol.Pass) && len(c.Static) > 0 {
		return false
	}
	for r, n := range c.Got {
		if n > 0 && !c.accepts(r) {
			return false
		}
	}
	return true
}

// accepts reports whether a run that gave r gives what the check wants. A
// run that works with another kind of fix did not fail.
func (c *Check) accepts(r protocol.Reason) bool {
	if c.Want == "fail" {
		return r != protocol.Pass && r != protocol.OtherKind
	}
	return slices.Contains(strings.Split(c.Want, "|"), string(r))
}

// wantOf is what a corpus fix must give, as Check.Want says it.
func wantOf(f fix) string {
	if len(f.want) == 0 {
		return "fail"
	}
	names := make([]string, len(f.want))
	for i, r := range f.want {
		names[i] = string(r)
	}
	return strings.Join(names, "|")
}

// Summary says how the runs went, e.g. "race 20/20", "pass 19/20, leak 1"
// or, for a cheat, "rejected 2/2 (not-concurrent 2)".
func (c *Check) Summary() string {
	switch {
	case c.Skipped != "":
		return "not tried"
	case c.Err != nil:
		return "error"
	case c.Want == "fail":
		return fmt.Sprintf("rejected %d/%d (%s)", c.Runs-c.Got[protocol.Pass]-c.Got[protocol.OtherKind], c.Runs, counts(c.Got, nil))
	}
	good := 0
	for r, n := range c.Got {
		if c.accepts(r) {
			good += n
		}
	}
	s := fmt.Sprintf("%s %d/%d", c.Want, good, c.Runs)
	if others := counts(c.Got, c.accepts); others != "" {
		s += ", " + others
	}
	if len(c.Static) > 0 {
		s += ", static checks fail"
	}
	return s
}

// counts lists reasons and their run counts ("leak 2, pass 1"), leaving
// out those skip says, in a stable order.
func counts(got map[protocol.Reason]int, skip func(protocol.Reason) bool) string {
	var parts []string
	for _, r := range reasonOrder() {
		if n := got[r]; n > 0 && (skip == nil || !skip(r)) {
			parts = append(parts, fmt.Sprintf("%s %d", r, n))
		}
	}
	return strings.Join(parts, ", ")
}

func reasonOrder() []protocol.Reason {
	return append([]protocol.Reason{protocol.Pass}, protocol.Order()...)
}

// Result is the verification of one lab.
type Result struct {
	Lab      *lab.Lab
	Problems []string // metadata and structure problems
	ToWrite  []string // placeholders the instructor has still to replace
	Notes    []string // worth knowing, not failing
	Checks   []*Check

	variants []*variant
}

// Verdicts of a lab.
const (
	VerdictOK    = "ok"    // proven and finished
	VerdictDraft = "draft" // proven, but text is left to write
	VerdictFail  = "FAIL"  // a problem or a check that failed
)

// Proven reports whether the lab has no problem and passed every check,
// whatever is left to write.
func (r *Result) Proven() bool {
	if len(r.Problems) > 0 {
		return false
	}
	for _, c := range r.Checks {
		if !c.OK() {
			return false
		}
	}
	return true
}

// Verdict is VerdictOK, VerdictDraft or VerdictFail.
func (r *Result) Verdict() string {
	switch {
	case !r.Proven():
		return VerdictFail
	case len(r.ToWrite) > 0:
		return VerdictDraft
	}
	return VerdictOK
}

// OK reports whether the lab is proven and finished.
func (r *Result) OK() bool { return r.Verdict() == VerdictOK }

// condition is one way of running a lab: the environment it adds.
type condition struct {
	name string
	env  []string
}

// unloaded are the conditions every variant is run under: one thread,
// where goroutines only interleave, and two, where they run in parallel.
func unloaded() []condition {
	return []condition{
		{"GOMAXPROCS=1", []string{"GOMAXPROCS=1"}},
		{"GOMAXPROCS=2", []string{"GOMAXPROCS=2"}},
	}
}

// loaded are the conditions of the runs made while the hog keeps every
// core busy, taken in turn.
func loaded() []condition {
	return []condition{
		{"GOMAXPROCS=2 under load", []string{"GOMAXPROCS=2"}},
		{"GOMAXPROCS=1 under load", []string{"GOMAXPROCS=1"}},
	}
}

// variant is one version of a lab's program, built once and run many times.
type variant struct {
	check  *Check
	files  map[string][]byte // editable file name -> replacement; nil: the tree as it is
	runs   int               // runs per unloaded condition
	loaded bool              // also run under load
	static bool              // run the static checks, and judge the kind of fix
	kinds  []string          // the kinds of fix the variant's change uses (with static)
	wrong  bool              // the static checks found a wrong fix (with static)
	bin    string            // the program, once built
	judge  string            // the lab's judge

	mu sync.Mutex // guards check while runs report
}

// Labs verifies the given labs.
func Labs(ctx context.Context, opts Options, labs []*lab.Lab) ([]*Result, error) {
	if opts.Count < 1 {
		return nil, fmt.Errorf("verify: -count must be at least 1, got %d", opts.Count)
	}
	if opts.Jobs < 1 {
		opts.Jobs = runtime.NumCPU()
	}
	tmp, err := os.MkdirTemp("", "racelab-verify-")
	if err != nil {
		return nil, fmt.Errorf("verify: %w", err)
	}
	defer os.RemoveAll(tmp)
	v := &verifier{opts: opts, tmp: tmp, slots: make(chan struct{}, opts.Jobs)}
	results := make([]*Result, len(labs))
	var wg sync.WaitGroup
	for i, l := range labs {
		results[i] = &Result{Lab: l}
		wg.Go(func() { v.lab(ctx, results[i]) })
	}
	wg.Wait()

	// Under load last, and alone: the hog must not slow the builds, and the
	// unloaded runs must really be unloaded.
	if opts.Hog && ctx.Err() == nil {
		stop := hog()
		for _, r := range results {
			for _, va := range r.variants {
				if va.loaded && va.bin != "" {
					wg.Go(func() { v.runs(ctx, r.Lab, va, loadedRuns(opts.Count)) })
				}
			}
		}
		wg.Wait()
		stop()
	}
	return results, ctx.Err()
}

// loadedRuns spreads count runs over the loaded conditions.
func loadedRuns(count int) []condition {
	var out []condition
	for i := range count {
		out = append(out, loaded()[i%len(loaded())])
	}
	return out
}

type verifier struct {
	opts  Options
	tmp   string
	slots chan struct{} // bounds the go builds and lab runs going at once
}

// judge builds lab l's judge once for all its variants.
func (v *verifier) judge(ctx context.Context, l *lab.Lab) (string, error) {
	bin := filepath.Join(v.tmp, l.Name()+".judge")
	v.slots <- struct{}{}
	defer func() { <-v.slots }()
	return bin, run.BuildJudge(ctx, v.opts.Root, l, bin)
}

func (v *verifier) lab(ctx context.Context, res *Result) {
	l := res.Lab
	if _, problems := lab.LoadProblems(l.Dir); len(problems) > 0 {
		for _, p := range problems {
			res.Problems = append(res.Problems, p.Error())
		}
	}
	res.Problems = append(res.Problems, Structure(v.opts.Root, l)...)
	res.ToWrite = Unwritten(v.opts.Root, l)

	solution := map[string][]byte{}
	for _, f := range l.Editable {
		src, err := os.ReadFile(filepath.Join(l.SolutionDir(v.opts.Root), f))
		if err != nil {
			continue // reported by Structure
		}
		solution[f] = src
	}
	judge, err := v.judge(ctx, l)
	if err != nil {
		res.Problems = append(res.Problems, err.Error())
		return
	}

	add := func(va *variant) {
		va.judge = judge
		res.Checks = append(res.Checks, va.check)
		res.variants = append(res.variants, va)
	}
	add(&variant{check: &Check{Name: "shipped", Want: l.Expect}, runs: v.opts.Count, loaded: true})
	if len(solution) == len(l.Editable) && len(solution) > 0 {
		add(&variant{check: &Check{Name: "solution", Want: string(protocol.Pass)}, files: solution,
			runs: v.opts.Count, loaded: true, static: true})
	}
	if v.opts.Mutants && len(solution) == len(l.Editable) {
		for _, m := range v.mutants(l, solution) {
			add(&variant{check: &Check{Name: m.name, Want: "fail", About: m.about}, files: m.files, runs: 1})
		}
		// A fix of the corpus is there because it once got the wrong
		// verdict now and then: it gets as many runs as the solution, and
		// the static checks, as the grader would give it.
		for _, read := range []func(string, *lab.Lab, map[string][]byte) ([]fix, []string){wrongFixes, rightFixes} {
			fixes, problems := read(v.opts.Root, l, solution)
			res.Problems = append(res.Problems, problems...)
			for _, f := range fixes {
				add(&variant{check: &Check{Name: f.name, Want: wantOf(f), About: f.about}, files: f.files, runs: v.opts.Count, static: true})
			}
		}
	}
	var wg sync.WaitGroup
	for _, va := range res.variants {
		wg.Go(func() {
			if v.build(ctx, l, va) {
				v.runs(ctx, l, va, repeat(unloaded(), va.runs))
			}
		})
	}
	wg.Wait()
	for _, c := range res.Checks {
		if c.Skipped != "" {
			res.Notes = append(res.Notes, fmt.Sprintf("cheat %s (%s) not tried: %s", c.Name, c.About, c.Skipped))
		}
	}
}

// repeat lists each condition n times.
func repeat(conds []condition, n int) []condition {
	var out []condition
	for _, c := range conds {
		for range n {
			out = append(out, c)
		}
	}
	return out
}

type mutant struct {
	name, about string
	files       map[string][]byte
}

// mutants are the cheats to try: each go statement of the solution
// removed, every goroutine serialised (when the program demands overlap), a
// sleep at the shipped program's TODOs, and the fix's synchronisation
// replaced by sleeps.
func (v *verifier) mutants(l *lab.Lab, solution map[string][]byte) []mutant {
	var out []mutant
	with := func(f string, src []byte) map[string][]byte {
		files := map[string][]byte{}
		for k, v := range solution {
			files[k] = v
		}
		files[f] = src
		return files
	}
	demandsOverlap := usesOverlapWork(l, solution)
	for _, f := range l.Editable {
		shipped, shippedErr := os.ReadFile(filepath.Join(l.ProgramDir(), f))
		if sol, ok := solution[f]; ok {
			if ms, err := mutate.RemoveGo(f, sol); err == nil {
				for _, m := range ms {
					out = append(out, mutant{m.Name, "the solution with a go statement removed: the work runs one task after another", with(f, m.Src)})
				}
			}
			if demandsOverlap {
				if m, ok, err := mutate.Serialise(f, sol); err == nil && ok {
					out = append(out, mutant{m.Name, "the solution with each goroutine holding one lock for its whole life", with(f, m.Src)})
				}
			}
			// A testing lab's student test may sleep: in a synctest
			// bubble a sleep is how fake time passes, not a cheat.
			if shippedErr == nil && l.Test == nil {
				if m, ok, err := mutate.SleepForSync(f, sol, shipped); err == nil && ok {
					out = append(out, mutant{m.Name, "the solution with the fix's synchronisation replaced by time.Sleep", with(f, m.Src)})
				}
			}
		}
		if shippedErr != nil {
			continue
		}
		if m, ok, err := mutate.SleepAtTODO(f, shipped); err == nil && ok {
			out = append(out, mutant{m.Name, "the shipped program with a time.Sleep at its TODO", map[string][]byte{f: m.Src}})
		}
	}
	return out
}

// usesOverlapWork reports whether the lab's program calls overlap.Work, the
// sign that its scripts demand that tasks overlap: only then is a
// serialised program wrong. (Without Work, a goroutine whose whole body is
// the shared update is correctly fixed by one lock around it.) Work belongs
// in the program's fixtures; a solution that calls it is also looked at, so
// that a lab breaking that rule (which Structure reports) still gets its
// serialised cheat.
func usesOverlapWork(l *lab.Lab, solution map[string][]byte) bool {
	for _, src := range solution {
		if strings.Contains(string(src), "overlap.Work(") {
			return true
		}
	}
	files, _ := filepath.Glob(filepath.Join(l.ProgramDir(), "*.go"))
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || slices.Contains(l.Editable, filepath.Base(f)) {
			continue
		}
		if src, err := os.ReadFile(f); err == nil && strings.Contains(string(src), "overlap.Work(") {
			return true
		}
	}
	return false
}

// build compiles the variant, its files laid over the tree with go build
// -overlay, and, when asked, runs the static checks on it. It reports
// whether there is a binary to run.
func (v *verifier) build(ctx context.Context, l *lab.Lab, va *variant) bool {
	c := va.check
	c.Got, c.ByCond = map[protocol.Reason]int{}, map[string]map[protocol.Reason]int{}
	dir, err := os.MkdirTemp(v.tmp, l.Name()+"-")
	if err != nil {
		c.Err = err
		return false
	}
	var overlay string
	if len(va.files) > 0 {
		if overlay, err = lab.WriteOverlay(dir, l.ProgramDir(), va.files); err != nil {
			c.Err = err
			return false
		}
	}
	bin := l.ProgramPath(filepath.Join(dir, l.Program))
	v.slots <- struct{}{}
	built, err := run.BuildProgram(ctx, v.opts.Root, l, bin, run.CompileOptions{Overlay: overlay})
	<-v.slots
	if err != nil {
		c.Err = err
		return false
	}
	if !built.Passed() {
		if c.Want == "fail" {
			c.Skipped = "the mutated program does not compile: " + firstLines(built.Output, 3)
			return false
		}
		c.Runs, c.Got[protocol.Build], c.Sample = 1, 1, built.Output
		return false
	}
	if va.static {
		v.slots <- struct{}{}
		report, err := labvet.Check(l.ProgramDir(), nil, va.files, l.Editable)
		<-v.slots
		if err != nil {
			c.Err = fmt.Errorf("static checks: %w", err)
			return false
		}
		if report.Refused() {
			// Never built or run, as the grader would have it.
			c.Runs, c.Got[protocol.Refused] = 1, 1
			c.Sample = fmt.Sprint(report.Findings)
			return false
		}
		for _, f := range report.Findings {
			c.Static = append(c.Static, f.String())
		}
		va.kinds, va.wrong = report.Kinds, len(report.Findings) > 0
	}
	va.bin = bin
	return true
}

// verdict is what a run of the variant gets, as the grader decides it: the
// runs' reasons, a wrong fix when the static checks found one, and, for a
// program that works, whether its fix is the lab's kind.
func (va *variant) verdict(l *lab.Lab, r run.Result) protocol.Reason {
	reasons := r.Reasons
	if va.wrong {
		reasons = append(reasons, protocol.WrongFix)
	}
	got := protocol.Primary(reasons)
	if got == protocol.Pass && va.static && !l.KindPasses(va.kinds) {
		got = protocol.OtherKind
	}
	return got
}

// runs runs the variant's binary once per condition listed.
func (v *verifier) runs(ctx context.Context, l *lab.Lab, va *variant, conds []condition) {
	c := va.check
	var wg sync.WaitGroup
	for _, cond := range conds {
		wg.Go(func() {
			v.slots <- struct{}{}
			r, err := run.Judge(ctx, va.judge, l, run.JudgeOptions{Program: va.bin, Env: cond.env})
			<-v.slots
			va.mu.Lock()
			defer va.mu.Unlock()
			if err != nil {
				if c.Err == nil {
					c.Err = err
				}
				return
			}
			c.Runs++
			reason := va.verdict(l, r)
			c.Got[reason]++
			if c.ByCond[cond.name] == nil {
				c.ByCond[cond.name] = map[protocol.Reason]int{}
			}
			c.ByCond[cond.name][reason]++
			if !c.accepts(reason) && c.Sample == "" {
				c.Sample = fmt.Sprintf("%s: %s", cond.name, r.Output)
			}
			if v.opts.Progress != nil {
				v.opts.Progress(l.Name(), c.Name)
			}
		})
	}
	wg.Wait()
}

func firstLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, " / ")
}

// hog keeps every core busy until stopped, so that labs are verified the way
// they run on a loaded grading machine.
func hog() (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	for range runtime.NumCPU() {
		wg.Go(func() {
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
	}
	return func() { close(done); wg.Wait() }
}
