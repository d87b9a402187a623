package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/racelab/racelab/checker/internal/explain"
	"github.com/racelab/racelab/checker/internal/i18n"
	"github.com/racelab/racelab/checker/internal/progress"
	"github.com/racelab/racelab/checker/internal/run"
	"github.com/racelab/racelab/checker/internal/stability"
	"github.com/racelab/racelab/checker/internal/termtext"
	"github.com/racelab/racelab/checker/lab"
)

func cmdLab(ctx context.Context, e *env, args []string) error {
	u := e.ui()
	fs := flag.NewFlagSet("lab", flag.ContinueOnError)
	verbose := fs.Bool("v", e.getenv("V") == "1", u.t(i18n.FlagVerbose))
	runs := fs.Int("runs", envInt(e, "RUNS", stability.DefaultRuns), u.t(i18n.FlagRuns))
	if err := u.parse(fs, args, "go tool checker lab [-v] [-runs K] N"); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return u.fail(i18n.ErrNameLab, u.cmd("lab", 1))
	}
	root, all, l, err := e.lab(fs.Arg(0), "lab")
	if err != nil {
		return err
	}
	if err := ensureWarm(ctx, e, root, all, l); err != nil {
		if errors.Is(err, errInterrupted) {
			u.say(i18n.LabInterrupted)
		}
		return err
	}
	rep, err := runLab(ctx, e, root, l, *verbose)
	if errors.Is(err, errInterrupted) {
		u.say(i18n.LabInterrupted)
	}
	if err != nil {
		return err
	}
	if err := record(e, root, all, rep); err != nil {
		fmt.Fprintln(e.stderr, err) // the run's verdict still stands
	}
	printReport(u, rep)
	if !rep.passed() {
		return errFailed
	}
	if *runs > 0 {
		if err := stabilize(ctx, e, root, all, l, *runs); err != nil {
			return err
		}
	}
	if next := nextUnfinished(root, all, l); next != nil {
		u.say(i18n.LabMoveOn, u.cmd("lab", next.Number), next.Title.In(string(u.lang)))
	} else {
		u.say(i18n.LabAllDone)
	}
	return nil
}

// envInt is the number in environment variable name, or def.
func envInt(e *env, name string, def int) int {
	if n, err := strconv.Atoi(e.getenv(name)); err == nil {
		return n
	}
	return def
}

// lab finds the repository and the lab named by sel: a number or a name,
// or, when sel is empty, the lab whose folder the student is in. cmd is
// the command, for the usage message.
func (e *env) lab(sel, cmd string) (string, []*lab.Lab, *lab.Lab, error) {
	root, err := e.needRoot()
	if err != nil {
		return "", nil, nil, err
	}
	u := e.ui()
	all, _ := lab.Discover(root)
	if sel == "" {
		if l := labAt(root, e.dir, all); l != nil {
			return root, all, l, nil
		}
		n := 1
		if len(all) > 0 {
			n = all[0].Number
		}
		return "", nil, nil, u.fail(i18n.ErrNameLab, u.cmd(cmd, n))
	}
	l, err := lab.Find(all, sel)
	if err != nil {
		return "", nil, nil, u.noSuchLab(sel, all)
	}
	return root, all, l, nil
}

// labAt is the lab whose folder (or solution folder) holds dir, or nil.
func labAt(root, dir string, all []*lab.Lab) *lab.Lab {
	rel, err := filepath.Rel(root, dir)
	if err != nil {
		return nil
	}
	parts := strings.Split(filepath.ToSlash(rel), "/")
	if len(parts) < 2 || (parts[0] != "labs" && parts[0] != "solutions") {
		return nil
	}
	for _, l := range all {
		if l.Name() == parts[1] {
			return l
		}
	}
	return nil
}

// report is one run of a lab, ready to show.
type report struct {
	lab *lab.Lab
	res run.Result
	// text explains a failure (the raw output too when asked for), in
	// the student's language and colours; empty for a pass.
	text string
	// verbose tells that text holds the raw output.
	verbose bool
}

func (r report) passed() bool { return r.res.Passed() }

// runLab runs l exactly as the grader does and explains the result. A run
// the student stopped (ctx ended) is errInterrupted: no verdict, nothing
// to record, since a killed judge would look like a timeout.
func runLab(ctx context.Context, e *env, root string, l *lab.Lab, verbose bool) (report, error) {
	u := e.ui()
	res, err := run.GoTest(ctx, root, l)
	if ctx.Err() != nil {
		return report{}, errInterrupted
	}
	if err != nil {
		return report{}, errors.New(u.t(i18n.ErrRun, err))
	}
	rep := report{lab: l, res: res, verbose: verbose}
	if res.Passed() {
		return rep, nil
	}
	text, err := explainResult(u, l, res)
	if err != nil {
		return report{}, err
	}
	if text == "" {
		text = u.t(i18n.LabNoExplain) + "\n"
		rep.verbose = true
	}
	if rep.verbose {
		text += u.bold(u.t(i18n.LabRawHeader)) + "\n" + res.Output
	}
	rep.text = text
	return rep, nil
}

// explainResult is the explanation of a failed run, "" when racelab does
// not recognise the failure.
func explainResult(u ui, l *lab.Lab, res run.Result) (string, error) {
	text, err := explain.TestOutput(strings.NewReader(res.Stream))
	if err != nil || text == "" {
		text = res.Output
	}
	// The verdict when the judge wrote one; the text when it could not
	// (go test failed to build the judge itself).
	problems := explain.Parse(explain.Input{Verdict: res.Verdict, Output: text, ProgramDir: l.ProgramDir(), Editable: l.Editable, Fix: l.Fix, Concepts: l.Concepts})
	if len(problems) == 0 {
		return "", nil
	}
	var b bytes.Buffer
	// Render wraps the words and lays the diagrams out to the width.
	if err := explain.Render(&b, problems, u.lang, u.color, u.width); err != nil {
		return "", err
	}
	return b.String(), nil
}

// record notes the run in the student's progress.
func record(e *env, root string, all []*lab.Lab, rep report) error {
	u := e.ui()
	s, err := store(root, all).Update(func(s *progress.State) {
		reason := ""
		if !rep.passed() {
			reason = string(rep.res.Reason())
		}
		s.Record(rep.lab.Slug, rep.passed(), reason, time.Now())
	})
	if err != nil {
		return u.progressErr(err)
	}
	u.notes(s)
	return nil
}

// headline is the one line that says how the run went.
func headline(u ui, rep report) string {
	l := rep.lab
	if rep.passed() {
		return u.green(u.t(i18n.LabPass, l.Name(), l.Title.In(string(u.lang))))
	}
	return u.red(u.t(i18n.LabFail, l.Name(), u.t(reasonKey(rep.res.Reason()))))
}

// printReport tells the student how the run went: the explanation, then
// what to do next.
func printReport(u ui, rep report) {
	u.println(headline(u, rep))
	if rep.passed() {
		return
	}
	fmt.Fprintln(u.e.stdout)
	fmt.Fprint(u.e.stdout, ensureNewline(rep.text))
	fmt.Fprintln(u.e.stdout)
	for _, line := range nextSteps(u, rep) {
		u.println(line)
	}
}

// nextSteps are the commands that help after a failure.
func nextSteps(u ui, rep report) []string {
	l := rep.lab
	out := []string{
		u.t(i18n.LabNext, strings.Join(paths(l), ", "), u.cmd("lab", l.Number)),
		u.t(i18n.LabNextHint, u.cmd("hint", l.Number)),
	}
	if !rep.verbose {
		out = append(out, u.t(i18n.LabNextRaw, u.cmd("lab", l.Number, "V=1")))
	}
	return out
}

func ensureNewline(s string) string {
	if s != "" && !strings.HasSuffix(s, "\n") {
		return s + "\n"
	}
	return s
}

// stabilize runs the stability check after a pass, in the foreground with
// a progress line, and records and tells what it found. Ctrl-C skips it:
// the pass stands.
func stabilize(ctx context.Context, e *env, root string, all []*lab.Lab, l *lab.Lab, runs int) error {
	u := e.ui()
	checker, err := stability.New(root)
	if err != nil {
		return err
	}
	defer checker.Close()
	u.say(i18n.StableStart, runs)
	live := isTerminal(e.stdout)
	out, err := checker.Check(ctx, l, runs, func(done, _ int) {
		if live {
			fmt.Fprint(e.stdout, "\r\x1b[K"+u.t(i18n.StableProgress, done, runs))
		}
	})
	if live {
		fmt.Fprint(e.stdout, "\r\x1b[K")
	}
	if ctx.Err() != nil {
		u.say(i18n.LabInterrupted)
		return nil
	}
	if err != nil {
		u.say(i18n.StableFailed, err)
		return nil
	}
	if err := recordStability(e, root, all, l, out); err != nil {
		fmt.Fprintln(e.stderr, err)
	}
	for _, line := range stabilityLines(u, l, out) {
		fmt.Fprintln(e.stdout, line)
	}
	if !out.Stable() {
		return errFailed
	}
	return nil
}

// recordStability keeps a stability check's outcome with the lab's pass.
func recordStability(e *env, root string, all []*lab.Lab, l *lab.Lab, out stability.Outcome) error {
	_, err := store(root, all).Update(func(s *progress.State) {
		st := &progress.Stability{Runs: out.Runs, Failures: out.Failures, At: time.Now()}
		if out.First != nil {
			st.Reason = string(out.First.Reason())
		}
		s.Lab(l.Slug).Stability = st
	})
	if err != nil {
		return e.ui().progressErr(err)
	}
	return nil
}

// stabilityLines say what a stability check found, with the explanation
// of the first failing run.
func stabilityLines(u ui, l *lab.Lab, out stability.Outcome) []string {
	if out.Stable() {
		return []string{termtext.Wrap(u.green(u.t(i18n.StablePass, out.Runs, out.Runs)), u.width)}
	}
	lines := []string{
		termtext.Wrap(u.red(u.t(i18n.StableFlaky, out.Failures, out.Runs, out.OneIn())), u.width),
		termtext.Wrap(u.t(i18n.StableWhy, out.Cond), u.width),
		"",
	}
	text, err := explainResult(u, l, *out.First)
	if err != nil || text == "" {
		text = termtext.Wrap(out.First.Output, u.width)
	}
	return append(lines, strings.Split(strings.TrimRight(text, "\n"), "\n")...)
}

// nextUnfinished is the first lab after l (wrapping around) not yet passed,
// or nil when every lab has passed.
func nextUnfinished(root string, all []*lab.Lab, l *lab.Lab) *lab.Lab {
	s, err := store(root, all).Load()
	if err != nil {
		return nil
	}
	start := 0
	for i, x := range all {
		if x.Number == l.Number {
			start = i + 1
		}
	}
	for i := range all {
		x := all[(start+i)%len(all)]
		if s.StatusOf(x.Slug) != progress.Passed {
			return x
		}
	}
	return nil
}

// paths are the student's files of l as the student finds them, from the
// repository root: labs/06-waitgroup/squares/squares.go.
func paths(l *lab.Lab) []string {
	out := make([]string, len(l.Editable))
	for i, f := range l.Editable {
		out[i] = l.Rel(f)
	}
	return out
}
