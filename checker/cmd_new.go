package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/racelab/racelab/checker/internal/scaffold"
)

func cmdNew(_ context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("new", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var fix, concepts listFlag
	fs.Var(&fix, "fix", "an accepted fix kind (repeat, or comma-separate, for several); default mutex")
	fs.Var(&concepts, "concept", "a concept the lab teaches (repeat, or comma-separate); default: from the fix kind")
	file := fs.String("file", "", "the student's file, named for what the program does (default: the slug's last word + .go)")
	number := fs.Int("number", 0, "the lab's number (default: the next free one)")
	part := fs.Int("part", 0, "the part of the course (labs/course.toml) the lab belongs to (default: the last part)")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: go run ./checker new SLUG [--fix KIND] [--concept C]... [--file NAME.go] [--part N]\n\n"+
			"Creates labs/NN-SLUG and solutions/NN-SLUG: a working example lab to turn into yours.\n"+
			"`go run ./checker verify NN` then lists exactly what is left to write.")
		fs.PrintDefaults()
	}
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return usageError{err.Error()}
	}
	if len(pos) != 1 {
		return usageError{"name the new lab's slug, e.g. `go run ./checker new bank-transfer --fix mutex`"}
	}
	root, err := e.needRoot()
	if err != nil {
		return err
	}
	plan, err := scaffold.Plan(root, scaffold.Options{Slug: pos[0], Fix: fix, Concepts: concepts, File: *file, Number: *number, Part: *part})
	if err != nil {
		return usageError{err.Error()}
	}
	if err := scaffold.Write(root, plan.Name, plan.Files); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "created lab %s:\n", plan.Name)
	lab, prog := "labs/"+plan.Name+"/", "labs/"+plan.Name+"/"+plan.Program+"/"
	for _, f := range []string{
		prog + plan.File + "   the program the student fixes, its work in run (a working example: replace it)",
		prog + "main.go   the fixture: hands run to program.Main, which runs it under the lab's checks",
		prog + "work.go   the fixture: slowStep, each task's slow step (racelab's overlap.Work, which never goes in the student's file)",
		lab + "lab_test.go   the judge: builds " + plan.Program + "/, runs the scripts, computes the expected output",
		lab + "testdata/total.txtar   the script: starts the program as `" + plan.Program + "`, says what a correct program does",
		lab + "lab.toml   title, program, part, concepts, fix, expect, hints",
		lab + "README.md, README.id.md   the lab's text, in English and Bahasa Indonesia",
		"solutions/" + plan.Name + "/" + plan.File + "   the reference fix (changed lines end in // fix:)",
	} {
		fmt.Fprintf(e.stdout, "  %s\n", f)
	}
	fmt.Fprintf(e.stdout, "\nThe example already passes verify's checks. Replace every %q, then run\n"+
		"  go run ./checker verify %d\nwhich proves the lab and lists what is left to write. Guide: docs/instructors.md\n",
		"TODO(instructor)", plan.Number)
	return nil
}
