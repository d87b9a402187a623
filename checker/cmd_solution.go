package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os/exec"
	"path/filepath"

	"github.com/racelab/racelab/checker/internal/i18n"
	"github.com/racelab/racelab/checker/internal/progress"
)

// cmdSolution shows the reference fix as a diff against the student's own
// version, once the student's fix has passed.
func cmdSolution(_ context.Context, e *env, args []string) error {
	u := e.ui()
	fs := flag.NewFlagSet("solution", flag.ContinueOnError)
	if err := u.parse(fs, args, "go tool checker solution N"); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return u.fail(i18n.ErrNameLab, u.cmd("solution", 1))
	}
	root, all, l, err := e.lab(fs.Arg(0), "solution")
	if err != nil {
		return err
	}
	s, err := store(root, all).Load()
	if err != nil {
		return u.progressErr(err)
	}
	u.notes(s)
	if s.StatusOf(l.Slug) != progress.Passed {
		u.say(i18n.SolutionLocked, l.Name(), u.cmd("lab", l.Number))
		return errFailed
	}
	u.say(i18n.SolutionHeader, l.Name())
	for _, f := range l.Editable {
		mine := filepath.FromSlash(l.Rel(f))
		ref := filepath.Join("solutions", l.Name(), f)
		color := "--color=never"
		if u.color {
			color = "--color=always"
		}
		cmd := exec.Command("git", "diff", "--no-index", color, "--", mine, ref)
		cmd.Dir = root
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		var exit *exec.ExitError
		switch {
		case err == nil:
			u.say(i18n.SolutionSame, mine)
		case errors.As(err, &exit) && exit.ExitCode() == 1: // the files differ
			e.stdout.Write(out.Bytes())
		default:
			return errors.New(u.t(i18n.ErrCompare, mine, ref, errors.New(err.Error()+": "+out.String())))
		}
	}
	return nil
}
