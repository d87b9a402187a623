package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/racelab/racelab/checker/internal/run"
	"github.com/racelab/racelab/checker/lab"
)

func cmdLab(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("lab", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	verbose := fs.Bool("v", e.getenv("V") == "1", "also print the raw test output (or set V=1)")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: go run ./checker lab [-v] N\n\nRuns lab N (a number or a name such as 03-mutex) exactly as the grader does.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if fs.NArg() != 1 {
		return usageError{"name one lab, e.g. `make lab N=1` or `go run ./checker lab 1`"}
	}
	root, err := e.needRoot()
	if err != nil {
		return err
	}
	all, _ := lab.Discover(root)
	l, err := lab.Find(all, fs.Arg(0))
	if err != nil {
		return usageError{err.Error()}
	}
	res, err := run.GoTest(ctx, root, "./labs/"+l.Name())
	if err != nil {
		return err
	}
	if *verbose {
		fmt.Fprintln(e.stdout, res.Output)
	}
	printVerdict(e, l, res)
	if !res.Passed() {
		return errFailed
	}
	return nil
}
