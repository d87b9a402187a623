package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/racelab/racelab/checker/internal/coursemap"
	"github.com/racelab/racelab/checker/lab"
)

// courseMapFile is where the course map lives, relative to the root.
const courseMapFile = "labs/README.md"

// cmdCourseMap writes labs/README.md from labs/course.toml and the labs'
// metadata (or checks it is up to date with -check).
func cmdCourseMap(_ context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("coursemap", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	check := fs.Bool("check", false, "only check that "+courseMapFile+" is up to date")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	root, err := e.needRoot()
	if err != nil {
		return err
	}
	labs, err := lab.Discover(root)
	if err != nil {
		return fmt.Errorf("the course map needs valid labs: %w", err)
	}
	course, err := lab.LoadCourse(root)
	if err != nil {
		return fmt.Errorf("the course map needs the course's parts: %w", err)
	}
	var b bytes.Buffer
	if err := coursemap.Write(&b, course, labs); err != nil {
		return err
	}
	path := filepath.Join(root, courseMapFile)
	if *check {
		current, _ := os.ReadFile(path)
		if !bytes.Equal(current, b.Bytes()) {
			return fmt.Errorf("%s is out of date: run `go run ./checker coursemap`", courseMapFile)
		}
		return nil
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("writing the course map: %w", err)
	}
	unplaced := 0
	for _, l := range labs {
		if l.Part == 0 {
			unplaced++
		}
	}
	if unplaced > 0 {
		fmt.Fprintf(e.stdout, "wrote %s (%d labs, %d of them not yet in a part: give them `part = N` in lab.toml)\n", courseMapFile, len(labs), unplaced)
		return nil
	}
	fmt.Fprintf(e.stdout, "wrote %s (%d labs)\n", courseMapFile, len(labs))
	return nil
}
