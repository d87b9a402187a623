package main

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/racelab/racelab/checker/internal/explain"
	"github.com/racelab/racelab/checker/internal/i18n"
	"github.com/racelab/racelab/checker/internal/progress"
	"github.com/racelab/racelab/checker/internal/run"
	"github.com/racelab/racelab/checker/lab"
)

func cmdLab(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("lab", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	verbose := fs.Bool("v", e.getenv("V") == "1", "also print the raw test output (or set V=1)")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: go run ./checker lab [-v] N\n\nRuns lab N (a number or a name such as 03-mutex) exactly as the grader does and explains the result.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if fs.NArg() != 1 {
		return usageError{"name one lab, e.g. `make lab N=1` or `go run ./checker lab 1`"}
	}
	root, all, l, err := e.lab(fs.Arg(0))
	if err != nil {
		return err
	}
	passed, err := runLab(ctx, e, root, l, *verbose)
	if err != nil {
		return err
	}
	if !passed {
		return errFailed
	}
	if next := nextUnfinished(root, all, l); next != nil {
		e.ui().say(i18n.LabMoveOn, next.Number, next.Title.In(string(e.ui().lang)))
	} else {
		e.ui().say(i18n.LabAllDone)
	}
	return nil
}

// lab finds the repository and the lab named by sel.
func (e *env) lab(sel string) (string, []*lab.Lab, *lab.Lab, error) {
	root, err := e.needRoot()
	if err != nil {
		return "", nil, nil, err
	}
	all, _ := lab.Discover(root)
	l, err := lab.Find(all, sel)
	if err != nil {
		return "", nil, nil, usageError{err.Error()}
	}
	return root, all, l, nil
}

// runLab runs l exactly as the grader does, records the attempt, and tells
// the student how it went: the explanation first, the raw output if asked.
func runLab(ctx context.Context, e *env, root string, l *lab.Lab, verbose bool) (bool, error) {
	u := e.ui()
	res, err := run.GoTest(ctx, root, l)
	if err != nil {
		return false, err
	}
	if err := progress.Update(root, func(s *progress.State) {
		reason := ""
		if !res.Passed() {
			reason = string(res.Reason())
		}
		s.Record(l.Name(), res.Passed(), reason, time.Now())
	}); err != nil {
		fmt.Fprintf(e.stderr, "checker: %v\n", err) // the run's verdict still stands
	}
	title := l.Title.In(string(u.lang))
	if res.Passed() {
		fmt.Fprintln(e.stdout, u.green(u.lang.T(i18n.LabPass, l.Name(), title)))
		return true, nil
	}
	fmt.Fprintln(e.stdout, u.red(u.lang.T(i18n.LabFail, l.Name(), u.lang.T(reasonKey(res.Reason())))))
	fmt.Fprintln(e.stdout)
	text, err := explain.TestOutput(strings.NewReader(res.Stream))
	if err != nil || text == "" {
		text = res.Output
	}
	// The verdict when the judge wrote one; the text when it could not
	// (go test failed to build the judge itself).
	problems := explain.Parse(explain.Input{Verdict: res.Verdict, Output: text, ProgramDir: l.ProgramDir(), Editable: l.Editable, Fix: l.Fix})
	if len(problems) == 0 {
		u.say(i18n.LabNoExplain)
		verbose = true
	} else if err := explain.Render(e.stdout, problems, u.lang, u.color, e.width()); err != nil {
		return false, err
	}
	if verbose {
		fmt.Fprintln(e.stdout, u.bold(u.lang.T(i18n.LabRawHeader)))
		fmt.Fprintln(e.stdout, res.Output)
	}
	fmt.Fprintln(e.stdout)
	u.say(i18n.LabNext, strings.Join(paths(l), ", "), l.Number)
	u.say(i18n.LabNextHint, l.Number)
	if !verbose {
		u.say(i18n.LabNextRaw, l.Number)
	}
	return false, nil
}

// nextUnfinished is the first lab after l (wrapping around) not yet passed,
// or nil when every lab has passed.
func nextUnfinished(root string, all []*lab.Lab, l *lab.Lab) *lab.Lab {
	s, err := progress.Load(root)
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
		if s.StatusOf(x.Name()) != progress.Passed {
			return x
		}
	}
	return nil
}

// paths are the student's files of l as the student finds them, from the
// repository root: labs/01-waitgroup/squares/squares.go.
func paths(l *lab.Lab) []string {
	out := make([]string, len(l.Editable))
	for i, f := range l.Editable {
		out[i] = l.Rel(f)
	}
	return out
}
