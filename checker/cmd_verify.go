package main

import (
	"context"
	"flag"
	"fmt"
	"runtime"
	"sync"

	"github.com/racelab/racelab/checker/internal/verify"
	"github.com/racelab/racelab/checker/lab"
)

func cmdVerify(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("verify", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	count := fs.Int("count", 3, "runs of the shipped program and of the solution under each of GOMAXPROCS=1 and 2, and again under load")
	jobs := fs.Int("j", runtime.NumCPU(), "builds and runs at once")
	hog := fs.Bool("hog", true, "also run the shipped program and the solution with every core kept busy, as on a loaded grading machine")
	mutants := fs.Bool("mutants", true, "also run the cheats (a go statement removed, goroutines serialised, sleeps) and require them to fail")
	suite := fs.Int("suite", 0, "also run plain `go test -race ./labs/...` over every lab, as an auto-grader does: once shipped (must fail), then `suite` times with every solution applied (must pass)")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: go run ./checker verify [flags] [LAB...]\n\nVerifies every lab, or the named ones (a number or a name such as 08-mutex).\nExit status 1 when any lab fails or is a draft (text left to write).")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	root, err := e.needRoot()
	if err != nil {
		return err
	}
	labs, err := selectLabs(root, fs.Args())
	if err != nil {
		return err
	}
	// The repository's own consistency (numbering, unreadable labs, stray
	// solutions) is judged when every lab is verified; a selection is about
	// the labs named.
	var repoProblems, repoNotes []string
	if fs.NArg() == 0 {
		repoProblems, repoNotes = verify.Repository(root)
	}
	results, err := runVerify(ctx, e, verify.Options{Root: root, Count: *count, Jobs: *jobs, Hog: *hog, Mutants: *mutants}, labs)
	if err != nil {
		return err
	}
	verify.Print(e.stdout, results)
	for _, n := range repoNotes {
		fmt.Fprintf(e.stdout, "note: %s\n", n)
	}
	for _, p := range repoProblems {
		fmt.Fprintf(e.stdout, "problem: %s\n", p)
	}
	if len(repoProblems) > 0 {
		return errFailed
	}
	failed := false
	for _, r := range results {
		failed = failed || !r.OK()
	}
	if *suite > 0 {
		// The suite is the whole tree, as an auto-grader runs it, whichever
		// labs were named.
		all, err := selectLabs(root, nil)
		if err != nil {
			return err
		}
		runs, err := verify.Suite(ctx, root, all, *suite)
		if err != nil {
			return err
		}
		fmt.Fprintln(e.stdout)
		for _, r := range runs {
			tree, want := "shipped", "fail"
			if r.Solved {
				tree, want = "solved", "pass"
			}
			got := "fail"
			if r.Passed {
				got = "pass"
			}
			mark := "ok"
			if !r.OK() {
				mark, failed = "FAIL", true
			}
			fmt.Fprintf(e.stdout, "go test -race ./labs/... on the %s tree: %s (want %s) in %.1fs  %s\n", tree, got, want, r.Duration.Seconds(), mark)
			if !r.OK() {
				fmt.Fprintln(e.stdout, r.Output)
			}
		}
	}
	if failed {
		return errFailed
	}
	return nil
}

// runVerify runs the verification with a progress line every ten runs on
// stderr, so that a long verification visibly moves.
func runVerify(ctx context.Context, e *env, opts verify.Options, labs []*lab.Lab) ([]*verify.Result, error) {
	var mu sync.Mutex
	done := 0
	opts.Progress = func(string, string) {
		mu.Lock()
		defer mu.Unlock()
		done++
		if done%10 == 0 {
			fmt.Fprintf(e.stderr, "verify: %d runs done\n", done)
		}
	}
	return verify.Labs(ctx, opts, labs)
}

// selectLabs loads the labs named by sel (all when empty). Invalid
// metadata of a selected lab is not an error here: verify reports it.
func selectLabs(root string, sel []string) ([]*lab.Lab, error) {
	all, discoverErr := lab.Discover(root)
	if len(sel) == 0 {
		if len(all) == 0 {
			return nil, fmt.Errorf("no labs found under %s/labs: %v", root, discoverErr)
		}
		return all, nil
	}
	var out []*lab.Lab
	for _, s := range sel {
		l, err := lab.Find(all, s)
		if err != nil {
			return nil, usageError{err.Error()}
		}
		out = append(out, l)
	}
	return out, nil
}
