// Package importer turns an existing racy program and its fixed version
// (package main with a main function, one or several files, as found in
// public collections of concurrency bugs) into a racelab lab in the lab
// format (see checker/lab): the program goes into the lab's program folder
// labs/NN-slug/PROGRAM, its main becoming run, which the fixture main.go
// hands to program.Main; the files the fix changes are the student's, the
// fixed version is the solution; the lab gets a judge (lab_test.go, which
// never links the program), a starter script asserting "runs to the end:
// no race, no leak, no deadlock, every goroutine kept", a lab.toml whose
// expect is measured, and READMEs with placeholders for the prose only the
// instructor can write.
//
// Imported programs are adapted only where racelab's module, the lab
// format or its checks demand it, and every adaptation is reported:
//   - main becomes run (a run of the program's own is renamed first), and
//     os.Exit(0) in main becomes return (see entry.go);
//   - a program's own hang detection (a timeout that prints "deadlock"
//     and exits 1, a goroutine count at the end) is taken out, so that the
//     judge sees a blocking bug as a deadlock or a leak (see watchdog.go);
//   - loops written for Go before 1.22 keep their shared loop variables
//     (see loopvar.go), so the classic loop-counter race still races;
//   - calls the static checks forbid in a student's file (time.Sleep,
//     os.Exit, log.Fatal, ...) that the fixed program still makes, or that
//     they refuse outright, go through fixture helpers (see shims.go);
//   - files both versions share become non-editable fixtures.
//
// Nothing of the lab's machinery goes into the student's file: the script
// demands the goroutines the solution starts (RACELAB_MIN_GOROUTINES),
// which program.Main counts around run, so that "removing go" is not a fix
// (see script).
//
// After every rewrite both versions are type-checked again: a rewrite that
// cannot keep the program compiling stops the import with where it broke.
//
// What makes a verdict deterministic is measured, not assumed: the fixed
// program is built and judged as verify does, under GOMAXPROCS=1 and 2, and
// must pass every run; the racy one must fail every run, the same way. A
// program whose bug shows only sometimes is reported as flaky, with the
// counts.
//
// The lab's fix kinds are measured too: the kinds the solution's change
// uses, compared with the racy program line by line as the grader compares
// a student's file with the shipped one (see settleFix). Without --fix
// they are the lab's; a --fix the change does not use is a problem, since
// the lab would grade its own solution other-kind.
package importer

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/racelab/racelab/checker/internal/scaffold"
	"github.com/racelab/racelab/checker/lab"
	"github.com/racelab/racelab/checker/protocol"
)

// Options say what to import.
type Options struct {
	Root  string // the racelab repository
	Racy  string // the racy program: a directory, or a single .go file
	Fixed string // its fixed version, likewise
	// Fix is the fix kinds the lab accepts; empty: the kinds the
	// solution's change uses (see settleFix).
	Fix []string
	// Number places the lab at a free number (1..99); 0: after every
	// other lab.
	Number   int
	Slug     string   // default: from the racy program's path
	Part     int      // the course part (labs/course.toml); 0: the last one
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
	Goroutines uint64   // goroutines the solution starts, demanded by the script
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
	pair(racy, fixed, slug, rep)
	freeMainGo(racy, fixed, slug, rep)
	for _, s := range append(racy.skipped, fixed.skipped...) {
		rep.Adapted = append(rep.Adapted, "left out "+s)
	}

	progress("type-checking")
	runIn, err := adapt(ctx, opts, racy, fixed, rep)
	if err != nil {
		return nil, err
	}

	number, err := labNumber(opts.Root, opts.Number)
	if err != nil {
		return nil, err
	}
	if opts.Part, err = scaffold.Part(opts.Root, opts.Part); err != nil {
		return nil, err
	}
	name := fmt.Sprintf("%02d-%s", number, slug)
	prog := scaffold.ProgramName(slug)
	l := &Lab{Name: name, Number: number, Files: scaffold.Files{}}
	labDir, progDir, solDir := "labs/"+name+"/", "labs/"+name+"/"+prog+"/", "solutions/"+name+"/"

	// Editable files are those the fix changes; the rest are fixtures.
	solution := map[string][]byte{}
	for _, f := range sortedNames(union(racy.files, fixed.files)) {
		r, inRacy := racy.files[f]
		x, inFixed := fixed.files[f]
		switch {
		case inRacy && inFixed && bytes.Equal(r, x):
			if bytes.HasPrefix(r, []byte(lab.FixtureHeader)) {
				l.Files[progDir+f] = r // the helpers for forbidden calls
				continue
			}
			l.Files[progDir+f] = append([]byte(lab.FixtureHeader+"\n\n"), r...)
			rep.Adapted = append(rep.Adapted, fmt.Sprintf("%s is the same in both programs: a fixture the student does not edit", f))
		case !inFixed:
			rep.Editable = append(rep.Editable, f)
			l.Files[progDir+f] = r
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
			l.Files[progDir+f] = shipped
			solution[f] = sol
		}
	}
	if len(rep.Editable) == 0 {
		return nil, fmt.Errorf("the racy and fixed programs are the same (after adaptation): nothing for a student to fix")
	}
	for f, src := range solution {
		l.Files[solDir+f] = src
	}
	main, err := mainFixture(runIn)
	if err != nil {
		return nil, err
	}
	l.Files[progDir+mainFile] = main
	// Inputs the program reads go into the script's work directory; those
	// it embeds must also sit beside its source.
	data := racy.data
	if len(data) == 0 {
		data = fixed.data
	}
	if embeds(racy.files) || embeds(fixed.files) {
		for n, content := range data {
			l.Files[progDir+n] = content
		}
	}
	rep.Command = prog

	// Measure: first the solution, to learn how many goroutines it starts
	// and how long it runs, then the shipped program with the final lab,
	// to learn how it fails. The solution's runs are the lab's but for the
	// script, which asks the program to say what it measured
	// (RACELAB_MEASURE: a line of the script, because the judge passes
	// scripts none of its own environment but a few timeouts), demands no
	// goroutines yet, and gives a slow program a minute.
	withSolution := func(files scaffold.Files) map[string][]byte {
		out := map[string][]byte{}
		for k, v := range files {
			out[k] = v
		}
		for f, src := range solution {
			out[progDir+f] = src
		}
		return out
	}
	progress("measuring the fixed program")
	test, err := labTest(prog)
	if err != nil {
		return nil, err
	}
	l.Files[labDir+"lab_test.go"] = test
	l.Files[labDir+"Makefile"] = []byte(lab.FolderMakefile)
	l.Files[progDir+"Makefile"] = []byte(lab.FolderMakefile)
	l.Files[labDir+"testdata/run.txtar"] = script(scriptData{prog: prog, args: opts.Args, watchdog: time.Minute, slow: true, measure: true, data: data})
	// lab.toml must load for the judge; its expect (and, when --fix is
	// left out, its fix) is settled below.
	declared := opts.Fix
	if len(declared) == 0 {
		opts.Fix = []string{"any"}
	}
	l.Files[labDir+lab.File] = scaffold.Metadata(metadata(opts, rep, prog, "race"))
	// The shipped editable files, which the solution's change is measured
	// against, as verify and the grader measure a student's.
	shippedFiles := map[string][]byte{}
	for _, f := range rep.Editable {
		shippedFiles[f] = l.Files[progDir+f]
	}
	sol, err := stage(ctx, opts.Root, name, withSolution(l.Files), stageOptions{n: opts.Runs, static: true, shipped: shippedFiles, editable: rep.Editable, expected: protocol.Pass})
	if err != nil {
		return nil, err
	}
	rep.Solution = summarise(sol, protocol.Pass)
	if sol.built {
		opts.Fix = settleFix(declared, sol.kinds, rep)
	}
	judgeSolution(sol, rep, opts)

	sd := scriptData{prog: prog, args: opts.Args, data: data}
	if sol.longest > 2*time.Second {
		// A slow program (it sleeps) would otherwise count as deadlocked
		// on a loaded machine: give it five times what it took, at least
		// ten seconds.
		sd.watchdog, sd.slow = max(10*time.Second, (5*sol.longest).Round(time.Second)), true
		if sd.watchdog > time.Minute {
			rep.Problems = append(rep.Problems, fmt.Sprintf("the fixed program runs for %v: too slow for a lab, whose every run is repeated many times; shorten its sleeps", sol.longest.Round(time.Millisecond)))
			sd.watchdog = time.Minute
		}
		rep.Adapted = append(rep.Adapted, fmt.Sprintf("the program takes %v to run: the script allows it %v before it counts as stuck (RACELAB_WATCHDOG)", sol.longest.Round(time.Millisecond), sd.watchdog))
	}
	if sol.built && sol.byReason[protocol.Pass] > 0 && len(sol.goroutines) < sol.byReason[protocol.Pass] {
		// program.Main prints what it measured before it decides a pass:
		// a pass without it means the measuring itself went wrong.
		rep.Problems = append(rep.Problems, fmt.Sprintf("the fixed program passed %d runs but said what it measured (%q) in only %d: "+
			"the lab cannot demand the goroutines it starts", sol.byReason[protocol.Pass], protocol.MarkMeasured, len(sol.goroutines)))
	}
	if len(sol.goroutines) > 0 {
		rep.Goroutines = slices.Min(sol.goroutines)
		if slices.Max(sol.goroutines) != rep.Goroutines {
			rep.Warnings = append(rep.Warnings, fmt.Sprintf("the fixed program started between %d and %d goroutines from run to run: the lab demands %d", rep.Goroutines, slices.Max(sol.goroutines), rep.Goroutines))
		}
	}
	sd.goroutines = rep.Goroutines
	l.Files[labDir+"testdata/run.txtar"] = script(sd)

	progress("measuring the racy program")
	shipped, err := measureShipped(ctx, opts, name, l, labDir, &sd, sol, rep)
	if err != nil {
		return nil, err
	}
	rep.Expect = judgeShipped(shipped, rep)
	rep.Shipped = summarise(shipped, protocol.Reason(rep.Expect))

	l.Files[labDir+lab.File] = scaffold.Metadata(metadata(opts, rep, prog, rep.Expect))
	en, id := scaffold.READMEs(scaffold.Doc{
		Number: number, Name: name, Program: prog, Files: rep.Editable, Fix: opts.Fix, RunArgs: strings.Join(opts.Args, " "),
		Source:   fmt.Sprintf("Imported with `checker import` from `%s`. %s: name where it comes from (a link) and its licence.", shortPath(opts.Racy), lab.Placeholder),
		Expected: expectedWords(rep.Expect),
	})
	l.Files[labDir+"README.md"] = en
	l.Files[labDir+"README.id.md"] = id
	l.Report = *rep
	return l, nil
}

// labNumber is the new lab's number: want, checked to be free, or (0) the
// one after every other lab.
func labNumber(root string, want int) (int, error) {
	if want == 0 {
		return scaffold.NextNumber(root)
	}
	if want < 1 || want > 99 {
		return 0, fmt.Errorf("--number %d: a lab's number is two digits, 1 to 99", want)
	}
	for _, dir := range []string{"labs", "solutions"} {
		entries, err := os.ReadDir(filepath.Join(root, dir))
		if err != nil && !os.IsNotExist(err) {
			return 0, fmt.Errorf("numbering the new lab: %w", err)
		}
		for _, e := range entries {
			if n, _, ok := lab.ParseDirName(e.Name()); ok && e.IsDir() && n == want {
				return 0, fmt.Errorf("--number %d is taken: %s/%s has it; pick a free number, or leave --number out to put the lab after every other", want, dir, e.Name())
			}
		}
	}
	return want, nil
}

// settleFix decides the lab's fix kinds from those declared with --fix
// and those the solution's change uses (change: compared with the shipped
// files, line by line, as verify and the grader compare a student's file),
// and says what it decided in rep. A lab must accept its own solution: a
// declared kind the change does not use would grade a student who makes
// the very same change other-kind, so it is a problem, said with what the
// change does use. Without --fix, the change's kinds are the lab's; a
// change that uses none (it moves an Unlock, drops a line) leaves the
// choice to the student: "any".
func settleFix(declared, change []string, rep *Report) []string {
	uses := "no synchronising use fixkind names (it only moves or removes code, e.g. an Unlock or a send)"
	if len(change) > 0 {
		uses = strings.Join(change, ", ")
	}
	if len(declared) == 0 {
		if len(change) == 0 {
			rep.Adapted = append(rep.Adapted, fmt.Sprintf("fix = [\"any\"]: the solution's change uses %s, so the lab names no kind and accepts any correct fix (name kinds with --fix only if the change uses them)", uses))
			return []string{"any"}
		}
		rep.Adapted = append(rep.Adapted, fmt.Sprintf("fix = [%s]: the kinds the solution's change uses (no --fix given)", quoted(change)))
		return change
	}
	if slices.Contains(declared, "any") {
		return declared
	}
	var used, unused []string
	for _, k := range declared {
		if slices.Contains(change, k) {
			used = append(used, k)
		} else {
			unused = append(unused, k)
		}
	}
	if len(used) == 0 {
		suggest := "--fix any"
		if len(change) > 0 {
			suggest = "--fix " + strings.Join(change, ",")
		}
		rep.Problems = append(rep.Problems, fmt.Sprintf("--fix %s: the solution does not use it. Compared with the racy program, as the grader compares a student's file with the shipped one, "+
			"the solution's change uses %s, so a student who made this very change would be graded other-kind. "+
			"Import with %s (or without --fix, to take the kinds from the change), or change the fixed program so that its change uses %s",
			strings.Join(declared, ","), uses, suggest, strings.Join(declared, " or ")))
		return declared
	}
	if len(unused) > 0 {
		rep.Warnings = append(rep.Warnings, fmt.Sprintf("--fix %s: the solution's change uses %s, not %s; the lab accepts those kinds too, untried by its own solution",
			strings.Join(declared, ","), strings.Join(used, ", "), strings.Join(unused, ", ")))
	}
	return declared
}

func quoted(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

// blockingWatchdog is how long the script lets a fast program run before
// the judge calls it deadlocked (as lab 25's scripts do): long enough for
// a program that finishes in milliseconds on a loaded machine, short
// enough that a deadlocked lab does not keep the student waiting the
// default five seconds at every run.
const blockingWatchdog = 3 * time.Second

// measureShipped runs the racy program with the final lab and settles the
// script's watchdog for a blocking bug. sd is the script, changed in l when
// the watchdog is.
func measureShipped(ctx context.Context, opts Options, name string, l *Lab, labDir string, sd *scriptData, sol *runs, rep *Report) (*runs, error) {
	stageWith := func(watchdog time.Duration) (*runs, error) {
		var env []string
		if watchdog > 0 {
			// The judge passes its own RACELAB_WATCHDOG on to scripts that do
			// not set one: the runs measure what the script will say.
			env = []string{protocol.EnvWatchdog + "=" + watchdog.String()}
		}
		return stage(ctx, opts.Root, name, l.Files, stageOptions{n: opts.Runs, env: env})
	}
	fast := sd.watchdog == 0
	watchdog := time.Duration(0)
	if fast {
		watchdog = blockingWatchdog
	}
	shipped, err := stageWith(watchdog)
	if err != nil {
		return nil, err
	}
	most, mostRuns := shipped.most()
	setWatchdog := func(w time.Duration) {
		sd.watchdog = w
		l.Files[labDir+"testdata/run.txtar"] = script(*sd)
	}
	switch {
	case !fast || !shipped.built || shipped.byReason[protocol.Pass] > 0:
	case most == protocol.Deadlock && mostRuns == shipped.total:
		// The runs were measured under blockingWatchdog: the script says so,
		// so that verify, make lab and the grader wait as long.
		setWatchdog(blockingWatchdog)
	case !slices.Contains(lab.Expectations(), string(most)) && shipped.shortest > 0:
		// Every run failed, but not in a way a lab can expect (exit 1, a
		// panic), and each only after a while: the program may give up by
		// itself after a wait (hang detection the import did not
		// recognise). Stopped sooner by the judge's watchdog, a blocking
		// bug shows as what it is.
		w := (shipped.shortest / 2).Truncate(100 * time.Millisecond)
		if w < 200*time.Millisecond || w < 20*max(sol.longest, time.Millisecond) {
			break // too short to be fair to the solution on a loaded machine
		}
		again, err := stageWith(w)
		if err != nil {
			return nil, err
		}
		if m, n := again.most(); again.built && n == again.total && (m == protocol.Deadlock || m == protocol.Leak) {
			setWatchdog(w)
			rep.Adapted = append(rep.Adapted, fmt.Sprintf("the racy program gives up by itself after %v (%s every run, which is no failure a lab can expect): "+
				"the script stops it sooner, after %v (RACELAB_WATCHDOG), so the judge sees the blocking bug for what it is: %s",
				shipped.shortest.Round(100*time.Millisecond), most, w, m))
			return again, nil
		}
	}
	return shipped, nil
}

// freeMainGo renames the program's main.go, in both versions: in a lab,
// main.go is the fixture that hands run to program.Main. The program's
// file is named for the program instead (the slug), as a student's file
// is.
func freeMainGo(racy, fixed *program, slug string, rep *Report) {
	all := union(racy.files, fixed.files)
	if _, ok := all[mainFile]; !ok {
		return
	}
	base := strings.ReplaceAll(slug, "-", "_")
	to := ""
	for _, n := range []string{base + ".go", base + "_" + mainFile, "program_" + mainFile} {
		if _, taken := all[n]; !taken && n != mainFile && !strings.HasSuffix(n, "_test.go") {
			to = n
			break
		}
	}
	for _, p := range []*program{racy, fixed} {
		if src, ok := p.files[mainFile]; ok {
			p.files[to] = src
			delete(p.files, mainFile)
		}
	}
	rep.Adapted = append(rep.Adapted, fmt.Sprintf("%s is now %s: in a lab, %s is a fixture of the lab's own", mainFile, to, mainFile))
}

// metadata is the lab.toml of an imported lab: measured expect,
// placeholders for the prose.
func metadata(opts Options, rep *Report, prog, expect string) *lab.Lab {
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
		Program:  prog,
		Part:     opts.Part,
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
// pass every run (measuring only adds a line to its stderr, and demands
// nothing) and the static checks.
func judgeSolution(sol *runs, rep *Report, opts Options) {
	if !sol.built {
		rep.Problems = append(rep.Problems, "the fixed program does not build as a lab:\n"+indent(firstLines(sol.sample, 12)))
		return
	}
	for _, f := range sol.static {
		rep.Problems = append(rep.Problems, fmt.Sprintf("the fixed program fails the static checks for --fix %s: %s", strings.Join(opts.Fix, ","), f))
	}
	bad := sol.total - sol.byReason[protocol.Pass]
	if bad == 0 {
		return
	}
	what := "fails"
	if bad < sol.total {
		what = "is flaky: it fails"
	}
	rep.Problems = append(rep.Problems, fmt.Sprintf("the fixed program %s %d of %d runs (%s): a lab's solution must pass every run. Output of one such run:\n%s",
		what, bad, sol.total, byCond(sol.byCond, protocol.Pass), indent(firstLines(sol.sample, 25))))
	if sol.byReason[protocol.Crash] > 0 && len(opts.Args) == 0 && strings.Contains(sol.sample, "index out of range") {
		rep.Problems = append(rep.Problems, "it may need command-line arguments: pass them with --args")
	}
}

// judgeShipped settles the lab's expect from the racy program's runs, and
// reports a program whose failure is not the same every run.
func judgeShipped(r *runs, rep *Report) string {
	if !r.built {
		rep.Problems = append(rep.Problems, "the racy program does not build as a lab:\n"+indent(firstLines(r.sample, 12)))
		return "race"
	}
	passed := r.byReason[protocol.Pass]
	most, mostRuns := r.most()
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
		if r.byCond["GOMAXPROCS=1"][protocol.Pass] == r.byCond["GOMAXPROCS=1"].total() && r.byCond["GOMAXPROCS=2"][protocol.Pass] == 0 {
			why = "It passes every run on one thread and fails every run on two: its race needs goroutines running in parallel (a worker count from runtime.GOMAXPROCS or runtime.NumCPU, say); make it race on one thread too"
		}
		rep.Problems = append(rep.Problems, fmt.Sprintf("flaky: the shipped program passed %d of %d runs (%s): a lab must fail every run, or a student's grade depends on luck. "+
			"%s; see docs/instructors.md, \"Keeping verdicts deterministic\"", passed, r.total, byCond(r.byCond, ""), why))
	case mostRuns < r.total:
		rep.Problems = append(rep.Problems, fmt.Sprintf("the racy program fails differently from run to run (%s): a lab must fail the same way every run", byCond(r.byCond, "")))
	case !slices.Contains(lab.Expectations(), string(most)):
		rep.Problems = append(rep.Problems, fmt.Sprintf("the racy program fails with %s every run, which is not a failure a lab can expect (one of %s). "+
			"A blocking bug whose program gives up by itself (exit 1, a panic) in a way the import did not recognise: take that hang detection out of both programs, the lab's judge does it. Output of one run:\n%s",
			most, strings.Join(lab.Expectations(), ", "), indent(firstLines(r.sample, 25))))
	}
	return expect
}

// summarise renders runs as "race 4/4" (want the reason most wanted).
func summarise(r *runs, want protocol.Reason) string {
	if want == "" {
		want = protocol.Pass
	}
	s := fmt.Sprintf("%s %d/%d", want, r.byReason[want], r.total)
	for _, reason := range reasonOrder() {
		if n := r.byReason[reason]; n > 0 && reason != want {
			s += fmt.Sprintf(", %s %d", reason, n)
		}
	}
	return s
}

func reasonOrder() []protocol.Reason {
	return []protocol.Reason{protocol.Pass, protocol.Race, protocol.Leak, protocol.Deadlock, protocol.NotConcurrent, protocol.Crash,
		protocol.WrongOutput, protocol.WrongFix, protocol.Timeout, protocol.Fail, protocol.Build}
}

// byCond renders runs by GOMAXPROCS setting, leaving out reason skip.
func byCond(m map[string]counts, skip protocol.Reason) string {
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
// file named for the program.
func pair(racy, fixed *program, slug string, rep *Report) {
	if len(racy.files) != 1 || len(fixed.files) != 1 {
		return
	}
	rname, fname := sortedNames(racy.files)[0], sortedNames(fixed.files)[0]
	if rname == fname {
		return
	}
	// The student's file is named for what it does: counter_racy.go
	// becomes counter.go, racy.go the lab's slug.
	name := strings.ReplaceAll(slug, "-", "_") + ".go"
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
