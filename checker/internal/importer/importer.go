// Package importer turns an existing racy program and its fixed version
// (package main with a main function, one or several files, as found in
// public collections of concurrency bugs) into a racelab lab: the program
// becomes the shipped file(s), the fixed version the solution, and the lab
// gets a lab_test.go, a starter script asserting "no race, no leak, no
// deadlock, exit 0", a lab.toml whose expect is measured, and READMEs with
// placeholders for the prose only the instructor can write.
//
// Imported programs are adapted only where racelab's module or checks
// demand it, and every adaptation is reported:
//   - loops written for Go before 1.22 keep their shared loop variables
//     (see loopvar.go), so the classic loop-counter race still races;
//   - calls the static checks forbid in a student's file (time.Sleep,
//     os.Exit, log.Fatal, ...) that the fixed program still makes go
//     through fixture helpers (see shims.go);
//   - files both versions share become non-editable fixtures;
//   - lab_test.go demands the goroutines the solution starts, so that
//     "removing go" is not a fix (see labfiles.go).
//
// What makes a verdict deterministic is measured, not assumed: the fixed
// program is run under GOMAXPROCS=1 and 2 and must pass every run; the racy
// one must fail every run, the same way. A program whose bug shows only
// sometimes is reported as flaky, with the counts.
package importer

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/racelab/racelab/checker/internal/run"
	"github.com/racelab/racelab/checker/internal/scaffold"
	"github.com/racelab/racelab/checker/lab"
)

// Options say what to import.
type Options struct {
	Root     string   // the racelab repository
	Racy     string   // the racy program: a directory, or a single .go file
	Fixed    string   // its fixed version, likewise
	Fix      []string // the fix kinds the lab accepts
	Slug     string   // default: from the racy program's path
	Concepts []string // default: from the fix kinds
	Args     []string // the program's command-line arguments in the script
	// GoVersion is the Go the program was written for ("1.21"); empty:
	// its go.mod's, or, without one, inferred from its loops.
	GoVersion string
	Runs      int // measuring runs per GOMAXPROCS setting; default 2
	// Progress, if set, is told what the import is doing.
	Progress func(step string)
}

// Lab is an imported lab, ready to write.
type Lab struct {
	Name   string
	Number int
	Files  scaffold.Files
	Report Report
}

// Report says what the import did and found.
type Report struct {
	Adapted    []string // changes made to the programs, and why
	Warnings   []string // worth knowing, not blocking
	Problems   []string // what keeps the lab from being proven as it is
	Expect     string   // the failure measured for the shipped program
	Shipped    string   // how its runs went, e.g. "race 4/4"
	Solution   string   // how the fixed program's runs went
	Goroutines uint64   // goroutines the solution starts, demanded by lab_test.go
	Editable   []string
	Command    string // the script command that runs the program
}

// Import reads, adapts, measures and lays out the lab, without writing it.
// An error means there is no lab to write; problems with a lab that can be
// written (a flaky program, a solution that leaks) are in Report.Problems.
func Import(ctx context.Context, opts Options) (*Lab, error) {
	progress := opts.Progress
	if progress == nil {
		progress = func(string) {}
	}
	if opts.Runs < 1 {
		opts.Runs = 2
	}
	if len(opts.Fix) == 0 {
		return nil, fmt.Errorf("name the fix kind the lab accepts (--fix): one of %s", strings.Join(lab.FixKinds(), ", "))
	}
	for _, k := range opts.Fix {
		if !slices.Contains(lab.FixKinds(), k) {
			return nil, fmt.Errorf("fix kind %q: use one of %s", k, strings.Join(lab.FixKinds(), ", "))
		}
	}
	for _, c := range opts.Concepts {
		if !slices.Contains(lab.Concepts(), c) {
			return nil, fmt.Errorf("concept %q: use one of %s", c, strings.Join(lab.Concepts(), ", "))
		}
	}
	slug := opts.Slug
	if slug == "" {
		slug = slugFor(opts.Racy)
		if slug == "" {
			return nil, fmt.Errorf("cannot make a slug from %s: name the lab with --slug", opts.Racy)
		}
	}
	if err := scaffold.CheckSlug(opts.Root, slug); err != nil {
		return nil, err
	}

	progress("reading the programs")
	racy, err := load("racy", opts.Racy)
	if err != nil {
		return nil, err
	}
	fixed, err := load("fixed", opts.Fixed)
	if err != nil {
		return nil, err
	}
	rep := &Report{}
	pair(racy, fixed, rep)
	for _, s := range append(racy.skipped, fixed.skipped...) {
		rep.Adapted = append(rep.Adapted, "left out "+s)
	}

	progress("type-checking")
	if err := adapt(ctx, opts, racy, fixed, rep); err != nil {
		return nil, err
	}

	number, err := scaffold.NextNumber(opts.Root)
	if err != nil {
		return nil, err
	}
	name := fmt.Sprintf("%02d-%s", number, slug)
	cmd := slug
	l := &Lab{Name: name, Number: number, Files: scaffold.Files{}}
	labDir, solDir := "labs/"+name+"/", "solutions/"+name+"/"

	// Editable files are those the fix changes; the rest are fixtures.
	solution := map[string][]byte{}
	for _, f := range sortedNames(union(racy.files, fixed.files)) {
		r, inRacy := racy.files[f]
		x, inFixed := fixed.files[f]
		switch {
		case inRacy && inFixed && bytes.Equal(r, x):
			if bytes.HasPrefix(r, []byte(lab.FixtureHeader)) {
				l.Files[labDir+f] = r // the helpers for forbidden calls
				continue
			}
			l.Files[labDir+f] = append([]byte(lab.FixtureHeader+"\n\n"), r...)
			rep.Adapted = append(rep.Adapted, fmt.Sprintf("%s is the same in both programs: a fixture the student does not edit", f))
		case !inFixed:
			rep.Editable = append(rep.Editable, f)
			l.Files[labDir+f] = r
			solution[f] = []byte("package main\n\n" + removedNote + "\n")
			rep.Adapted = append(rep.Adapted, fmt.Sprintf("%s exists only in the racy program: its solution is an empty file", f))
		default:
			if !inRacy {
				r = []byte("package main\n")
				rep.Adapted = append(rep.Adapted, fmt.Sprintf("%s exists only in the fixed program: the student starts from an empty file", f))
			}
			rep.Editable = append(rep.Editable, f)
			shipped, todos := markTODOs(f, r, x)
			sol, notes := markFixes(r, x)
			if todos == 0 && inRacy {
				rep.Warnings = append(rep.Warnings, fmt.Sprintf("%s: no \"// TODO\" placed (the changes are outside function bodies): add one where the student's work is", f))
			}
			if notes == 0 {
				sol = append(sol, []byte("\n"+removedNote+"\n")...)
			}
			l.Files[labDir+f] = shipped
			solution[f] = sol
		}
	}
	if len(rep.Editable) == 0 {
		return nil, fmt.Errorf("the racy and fixed programs are the same (after adaptation): nothing for a student to fix")
	}
	for f, src := range solution {
		l.Files[solDir+f] = src
	}
	// Inputs the program reads go into the script's work directory; those
	// it embeds must also sit beside its source.
	data := racy.data
	if len(data) == 0 {
		data = fixed.data
	}
	if embeds(racy.files) || embeds(fixed.files) {
		for n, content := range data {
			l.Files[labDir+n] = content
		}
	}
	rep.Command = cmd

	// Measure: first the solution, to learn how many goroutines it starts
	// and how long it runs, then the shipped program with the final test,
	// to learn how it fails.
	withSolution := func(files scaffold.Files) map[string][]byte {
		out := map[string][]byte{}
		for k, v := range files {
			out[k] = v
		}
		for f, src := range solution {
			out[labDir+f] = src
		}
		return out
	}
	progress("measuring the fixed program")
	test, err := labTest(labTestData{Cmd: cmd, Measure: true})
	if err != nil {
		return nil, err
	}
	l.Files[labDir+"lab_test.go"] = test
	l.Files[labDir+"testdata/run.txtar"] = script(cmd, opts.Args, time.Minute, data)
	// lab.toml must load for the harness; its expect is settled below.
	meta := metadata(opts, rep, "race")
	l.Files[labDir+lab.File] = meta.Marshal()
	sol, err := stage(ctx, opts.Root, name, withSolution(l.Files), opts.Runs, opts.Fix, rep.Editable, run.Pass)
	if err != nil {
		return nil, err
	}
	rep.Solution = summarise(sol, run.Pass)
	judgeSolution(sol, rep, opts)

	watchdog := time.Duration(0)
	if sol.longest > 2*time.Second {
		// A slow program (it sleeps) would otherwise count as deadlocked
		// on a loaded machine: give it five times what it took, at least
		// ten seconds.
		watchdog = max(10*time.Second, (5 * sol.longest).Round(time.Second))
		if watchdog > time.Minute {
			rep.Problems = append(rep.Problems, fmt.Sprintf("the fixed program runs for %v: too slow for a lab, whose every run is repeated many times; shorten its sleeps", sol.longest.Round(time.Millisecond)))
			watchdog = time.Minute
		}
		rep.Adapted = append(rep.Adapted, fmt.Sprintf("the program takes %v to run: the script allows it %v before it counts as stuck (RACELAB_WATCHDOG)", sol.longest.Round(time.Millisecond), watchdog))
	}
	if sol.built && sol.byReason[run.Pass] > 0 && len(sol.goroutines) < sol.byReason[run.Pass] {
		rep.Problems = append(rep.Problems, "the fixed program ends without returning from main (os.Exit, log.Fatal, runtime.Goexit in main's goroutine): "+
			"the lab cannot check it for leaked goroutines or lost concurrency. Make main return")
	}
	if len(sol.goroutines) > 0 {
		rep.Goroutines = slices.Min(sol.goroutines)
		if slices.Max(sol.goroutines) != rep.Goroutines {
			rep.Warnings = append(rep.Warnings, fmt.Sprintf("the fixed program started between %d and %d goroutines from run to run: the lab demands %d", rep.Goroutines, slices.Max(sol.goroutines), rep.Goroutines))
		}
	}
	if test, err = labTest(labTestData{Cmd: cmd, Goroutines: rep.Goroutines}); err != nil {
		return nil, err
	}
	l.Files[labDir+"lab_test.go"] = test
	l.Files[labDir+"testdata/run.txtar"] = script(cmd, opts.Args, watchdog, data)

	progress("measuring the racy program")
	shipped, err := stage(ctx, opts.Root, name, l.Files, opts.Runs, nil, nil, "")
	if err != nil {
		return nil, err
	}
	rep.Expect = judgeShipped(shipped, rep)
	rep.Shipped = summarise(shipped, run.Reason(rep.Expect))

	meta = metadata(opts, rep, rep.Expect)
	l.Files[labDir+lab.File] = meta.Marshal()
	en, id := scaffold.READMEs(scaffold.Doc{
		Number: number, Name: name, Files: rep.Editable, Fix: opts.Fix, RunArgs: strings.Join(opts.Args, " "),
		Source:   fmt.Sprintf("Imported with `checker import` from `%s`. %s: name where it comes from (a link) and its licence.", shortPath(opts.Racy), lab.Placeholder),
		Expected: expectedWords(rep.Expect),
	})
	l.Files[labDir+"README.md"] = en
	l.Files[labDir+"README.id.md"] = id
	l.Report = *rep
	return l, nil
}

// metadata is the lab.toml of an imported lab: measured expect,
// placeholders for the prose.
func metadata(opts Options, rep *Report, expect string) *lab.Lab {
	concepts := opts.Concepts
	if len(concepts) == 0 {
		concepts = scaffold.DefaultConcepts(opts.Fix)
		for _, a := range rep.Adapted {
			if strings.Contains(a, "as in Go before 1.22") && !slices.Contains(concepts, "loop-variable") {
				concepts = append(concepts, "loop-variable")
			}
		}
	}
	return &lab.Lab{
		Title:    lab.Text{EN: lab.Placeholder + ": the lab's title", ID: lab.Placeholder + ": judul lab"},
		Concepts: concepts,
		Fix:      opts.Fix,
		Editable: rep.Editable,
		Expect:   expect,
		Points:   10,
		Level:    2,
		Minutes:  20,
		Hints: []lab.Text{
			{EN: lab.Placeholder + ": a gentle nudge: what should the student look at first?",
				ID: lab.Placeholder + ": petunjuk ringan: apa yang perlu dilihat lebih dulu?"},
			{EN: lab.Placeholder + ": nearly the answer: which tool, used where?",
				ID: lab.Placeholder + ": hampir jawabannya: alat apa, dipakai di mana?"},
		},
	}
}

// judgeSolution turns the fixed program's runs into problems: it must
// pass every run (measuring makes it report "not concurrent", nothing
// else) and the static checks.
func judgeSolution(sol *runs, rep *Report, opts Options) {
	if !sol.built {
		rep.Problems = append(rep.Problems, "the fixed program does not build as a lab (or go vet, which go test runs, rejects it):\n"+indent(firstLines(sol.sample, 12)))
		return
	}
	for _, f := range sol.static {
		rep.Problems = append(rep.Problems, fmt.Sprintf("the fixed program fails the static checks for --fix %s: %s", strings.Join(opts.Fix, ","), f))
	}
	bad := sol.total - sol.byReason[run.Pass]
	if bad == 0 {
		return
	}
	what := "fails"
	if bad < sol.total {
		what = "is flaky: it fails"
	}
	rep.Problems = append(rep.Problems, fmt.Sprintf("the fixed program %s %d of %d runs (%s): a lab's solution must pass every run. Output of one such run:\n%s",
		what, bad, sol.total, byCond(sol.byCond, run.Pass), indent(firstLines(sol.sample, 25))))
	if sol.byReason[run.Crash] > 0 && len(opts.Args) == 0 && strings.Contains(sol.sample, "index out of range") {
		rep.Problems = append(rep.Problems, "it may need command-line arguments: pass them with --args")
	}
}

// judgeShipped settles the lab's expect from the racy program's runs, and
// reports a program whose failure is not the same every run.
func judgeShipped(r *runs, rep *Report) string {
	if !r.built {
		rep.Problems = append(rep.Problems, "the racy program does not build as a lab (or go vet, which go test runs, rejects it):\n"+indent(firstLines(r.sample, 12)))
		return "race"
	}
	passed := r.byReason[run.Pass]
	most, mostRuns := run.Reason(""), 0
	for _, reason := range []run.Reason{run.Race, run.Leak, run.Deadlock, run.NotConcurrent, run.WrongOutput, run.Crash, run.Fail, run.Timeout, run.WrongFix} {
		if r.byReason[reason] > mostRuns {
			most, mostRuns = reason, r.byReason[reason]
		}
	}
	expect := "race"
	if most != "" && slices.Contains(lab.Expectations(), string(most)) {
		expect = string(most)
	}
	switch {
	case passed == r.total:
		rep.Problems = append(rep.Problems, fmt.Sprintf("the racy program passed every run (%d/%d): its bug never showed, so a student would have nothing to fix. "+
			"If the bug depends on Go before 1.22's loop variables, say so with --go 1.21; if it shows in the output, add a want check to the script", passed, r.total))
	case passed > 0:
		why := "Usual causes: printing inside the racy section, an access only some schedules reach"
		if r.byCond["GOMAXPROCS=1"][run.Pass] == r.byCond["GOMAXPROCS=1"].total() && r.byCond["GOMAXPROCS=2"][run.Pass] == 0 {
			why = "It passes every run on one thread and fails every run on two: its race needs goroutines running in parallel (a worker count from runtime.GOMAXPROCS or runtime.NumCPU, say); make it race on one thread too"
		}
		rep.Problems = append(rep.Problems, fmt.Sprintf("flaky: the shipped program passed %d of %d runs (%s): a lab must fail every run, or a student's grade depends on luck. "+
			"%s; see docs/instructors.md, \"Keeping verdicts deterministic\"", passed, r.total, byCond(r.byCond, ""), why))
	case mostRuns < r.total:
		rep.Problems = append(rep.Problems, fmt.Sprintf("the racy program fails differently from run to run (%s): a lab must fail the same way every run", byCond(r.byCond, "")))
	case !slices.Contains(lab.Expectations(), string(most)):
		rep.Problems = append(rep.Problems, fmt.Sprintf("the racy program fails with %s every run, which is not a failure a lab can expect (one of %s). Output of one run:\n%s",
			most, strings.Join(lab.Expectations(), ", "), indent(firstLines(r.sample, 25))))
	}
	return expect
}

// summarise renders runs as "race 4/4" (want the reason most wanted).
func summarise(r *runs, want run.Reason) string {
	if want == "" {
		want = run.Pass
	}
	s := fmt.Sprintf("%s %d/%d", want, r.byReason[want], r.total)
	for _, reason := range reasonOrder() {
		if n := r.byReason[reason]; n > 0 && reason != want {
			s += fmt.Sprintf(", %s %d", reason, n)
		}
	}
	return s
}

func reasonOrder() []run.Reason {
	return []run.Reason{run.Pass, run.Race, run.Leak, run.Deadlock, run.NotConcurrent, run.Crash,
		run.WrongOutput, run.WrongFix, run.Timeout, run.Fail, run.Build}
}

// byCond renders runs by GOMAXPROCS setting, leaving out reason skip.
func byCond(m map[string]counts, skip run.Reason) string {
	var parts []string
	for _, cond := range sortedNames(m) {
		total := 0
		var counts []string
		for _, reason := range reasonOrder() {
			n := m[cond][reason]
			total += n
			if n > 0 && reason != skip {
				counts = append(counts, fmt.Sprintf("%s %d", reason, n))
			}
		}
		if len(counts) == 0 {
			counts = []string{"as expected"}
		}
		parts = append(parts, fmt.Sprintf("%s: %s of %d", cond, strings.Join(counts, ", "), total))
	}
	return strings.Join(parts, "; ")
}

// expectedWords says, for a README, how the shipped program fails.
func expectedWords(expect string) string {
	switch expect {
	case "race":
		return "the race detector reports a data race"
	case "leak":
		return "goroutines are still running, or stuck, when main returns"
	case "deadlock":
		return "it never finishes: its goroutines wait for each other"
	case "not-concurrent":
		return "its tasks do not run at the same time"
	case "wrong-output":
		return "it prints the wrong result"
	}
	return ""
}

// slugFor makes a slug from a program's path: its name, or its
// directory's when the name only says "racy" (racy/, racy.go, main.go).
func slugFor(path string) string {
	clean := filepath.Clean(path)
	for _, p := range []string{filepath.Base(clean), filepath.Base(filepath.Dir(clean))} {
		p = strings.TrimSuffix(p, ".go")
		var words []string
		for _, w := range strings.Split(scaffold.Slugify(p), "-") {
			switch w {
			case "racy", "buggy", "bug", "broken", "before", "orig", "original", "main", "src", "bad", "":
				continue
			}
			words = append(words, w)
		}
		if len(words) > 0 {
			return strings.Join(words, "-")
		}
	}
	return ""
}

// pair lines up the files of the two versions: by name, or, for two
// single-file programs with different names (racy.go, fixed.go), as one
// file under the racy program's name.
func pair(racy, fixed *program, rep *Report) {
	if len(racy.files) != 1 || len(fixed.files) != 1 {
		return
	}
	rname, fname := sortedNames(racy.files)[0], sortedNames(fixed.files)[0]
	if rname == fname {
		return
	}
	// The student's file is named for what it does: counter_racy.go
	// becomes counter.go, racy.go main.go.
	name := "main.go"
	if s := slugFor(rname); s != "" {
		name = strings.ReplaceAll(s, "-", "_") + ".go"
	}
	src := fixed.files[fname]
	delete(fixed.files, fname)
	fixed.files[name] = src
	if name != rname {
		racy.files[name] = racy.files[rname]
		delete(racy.files, rname)
	}
	rep.Adapted = append(rep.Adapted, fmt.Sprintf("the single files %s and %s are one program file, %s", rname, fname, name))
}

// shortPath is the last two elements of path: enough to recognise it,
// without the instructor's own directories.
func shortPath(path string) string {
	clean := filepath.ToSlash(filepath.Clean(path))
	parts := strings.Split(clean, "/")
	if len(parts) > 2 {
		parts = parts[len(parts)-2:]
	}
	return strings.Join(parts, "/")
}

// embeds reports whether any file embeds files with //go:embed.
func embeds(files map[string][]byte) bool {
	for _, src := range files {
		if bytes.Contains(src, []byte("//go:embed")) {
			return true
		}
	}
	return false
}

func union(a, b map[string][]byte) map[string][]byte {
	out := map[string][]byte{}
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		if _, ok := out[k]; !ok {
			out[k] = v
		}
	}
	return out
}

// fixtureName is a file name for the helpers that the program does not use.
func fixtureName(files map[string][]byte) string {
	for _, n := range []string{"fixture.go", "racelab_fixture.go"} {
		if _, taken := files[n]; !taken {
			return n
		}
	}
	for i := 2; ; i++ {
		n := "racelab_fixture" + strconv.Itoa(i) + ".go"
		if _, taken := files[n]; !taken {
			return n
		}
	}
}

func firstLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = append(lines[:n], "[...]")
	}
	return strings.Join(lines, "\n")
}

func indent(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = "    | " + l
	}
	return strings.Join(lines, "\n")
}
