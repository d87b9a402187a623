package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/racelab/racelab/checker/internal/gradebook"
)

func cmdMerge(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("merge", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	out := fs.String("o", "grades", "output folder of the merged gradebook")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, `usage: go run ./checker merge [-o DIR] SHARD_DIR...

Combines the output folders of `+"`checker grade --shard I/N`"+` runs into one
gradebook, byte-identical to an unsharded run's apart from timings.`)
		fs.PrintDefaults()
	}
	dirs, err := parseInterleaved(fs, args)
	if err != nil {
		return usageError{err.Error()}
	}
	if len(dirs) == 0 {
		return usageError{"name the shard output folders to merge"}
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	book, err := gradebook.Merge(*out, dirs)
	if err != nil {
		return err
	}
	if err := gradebook.WriteAll(*out, book); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "merged %d shards: %d submissions into %s\n", len(dirs), len(book.Submissions), *out)
	return ctx.Err()
}
