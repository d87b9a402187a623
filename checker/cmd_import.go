package main

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/racelab/racelab/checker/internal/importer"
	"github.com/racelab/racelab/checker/internal/scaffold"
	"github.com/racelab/racelab/checker/internal/verify"
	"github.com/racelab/racelab/checker/lab"
	"github.com/racelab/racelab/checker/protocol"
)

func cmdImport(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	solution := fs.String("solution", "", "the fixed version of the program: a directory or a .go file (required)")
	var fix, concepts listFlag
	fs.Var(&fix, "fix", "the fix kind the lab accepts (repeat or comma-separate for several; default: the kinds the solution's change uses): "+strings.Join(lab.FixKinds(), ", "))
	fs.Var(&concepts, "concept", "a concept the lab teaches (repeat, or comma-separate); default: from the fix kind")
	slug := fs.String("slug", "", "the lab's slug (default: from the racy program's name)")
	number := fs.Int("number", 0, "the lab's number, a free one (default: after every other lab)")
	part := fs.Int("part", 0, "the part of the course (labs/course.toml) the lab belongs to (default: the last part)")
	progArgs := fs.String("args", "", "the program's command-line arguments, space-separated, for the lab's script")
	goVersion := fs.String("go", "", "the Go version the program was written for, e.g. 1.21 (default: its go.mod's, else inferred)")
	runs := fs.Int("runs", 2, "runs of each version, per GOMAXPROCS setting, to measure it")
	count := fs.Int("count", 3, "verify's -count for the new lab")
	hog := fs.Bool("hog", true, "verify also under load")
	jobs := fs.Int("j", runtime.NumCPU(), "verify's builds and runs at once")
	doVerify := fs.Bool("verify", true, "verify the new lab once written")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: go run ./checker import RACY --solution FIXED [--fix KIND] [--slug SLUG] [--number N] [--part P] [--args 'A B']\n\n"+
			"Turns a racy program (package main, a directory or one .go file) and its fixed version into the\n"+
			"next lab, measures how each behaves, verifies the lab and lists what is left to write.")
		fs.PrintDefaults()
	}
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return usageError{err.Error()}
	}
	if len(pos) != 1 || *solution == "" {
		return usageError{"usage: go run ./checker import RACY --solution FIXED [--fix KIND] (see -h)"}
	}
	root, err := e.needRoot()
	if err != nil {
		return err
	}
	l, err := importer.Import(ctx, importer.Options{
		Root: root, Racy: pos[0], Fixed: *solution, Fix: fix, Slug: *slug, Number: *number, Part: *part, Concepts: concepts,
		Args: strings.Fields(*progArgs), GoVersion: *goVersion, Runs: *runs,
		Progress: func(step string) { fmt.Fprintf(e.stderr, "import: %s\n", step) },
	})
	if err != nil {
		return err
	}
	if err := scaffold.Write(root, l.Name, l.Files); err != nil {
		return err
	}
	printImport(e, l)
	proven := len(l.Report.Problems) == 0
	if *doVerify {
		fmt.Fprintf(e.stdout, "\nverify %d:\n", l.Number)
		loaded, err := lab.Load(filepath.Join(root, "labs", l.Name))
		if loaded == nil {
			return fmt.Errorf("loading the new lab: %w", err)
		}
		results, err := runVerify(ctx, e, verify.Options{Root: root, Count: *count, Jobs: *jobs, Hog: *hog, Mutants: true}, []*lab.Lab{loaded})
		if err != nil {
			return err
		}
		verify.Print(e.stdout, results)
		proven = proven && results[0].Proven()
	}
	fmt.Fprintln(e.stdout)
	if !proven {
		fmt.Fprintf(e.stdout, "✗ labs/%s is not proven yet: deal with the problems above, in the lab, or in the programs and import again (after `rm -r labs/%s solutions/%s`)\n", l.Name, l.Name, l.Name)
		return errFailed
	}
	fmt.Fprintf(e.stdout, "✓ labs/%s behaves as a lab must. Write what is listed under \"left to write\", then `go run ./checker verify %d`\n", l.Name, l.Number)
	return nil
}

func printImport(e *env, l *importer.Lab) {
	r := l.Report
	fmt.Fprintf(e.stdout, "imported labs/%s (solution: solutions/%s)\n", l.Name, l.Name)
	fmt.Fprintf(e.stdout, "  the program is labs/%s/%s/ (main.go hands its run to program.Main); the student edits %s; the script starts it as `%s`\n",
		l.Name, r.Command, strings.Join(r.Editable, ", "), r.Command)
	section := func(title string, items []string) {
		if len(items) == 0 {
			return
		}
		fmt.Fprintf(e.stdout, "%s:\n", title)
		for _, it := range items {
			fmt.Fprintf(e.stdout, "  - %s\n", it)
		}
	}
	section("adapted", r.Adapted)
	fmt.Fprintln(e.stdout, "measured:")
	if r.Goroutines > 0 {
		fmt.Fprintf(e.stdout, "  - the fixed program starts %d goroutines; the script demands them all (env %s=%d): a fix may not remove a go statement\n", r.Goroutines, protocol.EnvMinGoroutines, r.Goroutines)
	}
	fmt.Fprintf(e.stdout, "  - the fixed program: %s\n", r.Solution)
	fmt.Fprintf(e.stdout, "  - the racy program: %s: expect = %q\n", r.Shipped, r.Expect)
	section("warnings", r.Warnings)
	section("problems", r.Problems)
}
