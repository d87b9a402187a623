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
	count := fs.Int("count", 3, "runs of the shipped program and of the solution, under each of GOMAXPROCS=1 and 2")
	jobs := fs.Int("j", runtime.NumCPU(), "builds and runs at once")
	hog := fs.Bool("hog", false, "keep every core busy while the labs run, as on a loaded grading machine")
	mutants := fs.Bool("mutants", true, "also run the cheats (a go statement removed, sleeps) and require them to fail")
	suite := fs.Int("suite", 0, "also run plain `go test -race ./labs/...` as an auto-grader does: once shipped (must fail), then `suite` times with every solution applied (must pass)")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: go run ./checker verify [flags] [LAB...]\n\nVerifies every lab, or the named ones (a number or a name such as 03-mutex).")
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
	var mu sync.Mutex
	done := 0
	results, err := verify.Labs(ctx, verify.Options{
		Root: root, Count: *count, Jobs: *jobs, Hog: *hog, Mutants: *mutants,
		Progress: func(string, string) {
			mu.Lock()
			done++
			if done%10 == 0 {
				fmt.Fprintf(e.stderr, "verify: %d runs done\n", done)
			}
			mu.Unlock()
		},
	}, labs)
	if err != nil {
		return err
	}
	verify.Print(e.stdout, results)
	failed := false
	for _, r := range results {
		failed = failed || !r.OK()
	}
	if *suite > 0 {
		runs, err := verify.Suite(ctx, root, labs, *suite)
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
