package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"

	"github.com/racelab/racelab/checker/internal/i18n"
	"github.com/racelab/racelab/checker/internal/progress"
)

// cmdSolution shows the reference fix as a diff against the student's own
// version, once the student's fix has passed.
func cmdSolution(_ context.Context, e *env, args []string) error {
	if len(args) != 1 {
		return usageError{"name one lab, e.g. `make solution N=3` or `go run ./checker solution 3`"}
	}
	root, _, l, err := e.lab(args[0])
	if err != nil {
		return err
	}
	s, err := progress.Load(root)
	if err != nil {
		return err
	}
	u := e.ui()
	if s.StatusOf(l.Name()) != progress.Passed {
		u.say(i18n.SolutionLocked, l.Name(), l.Number)
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
			return fmt.Errorf("comparing %s with %s: %w: %s", mine, ref, err, out.String())
		}
	}
	return nil
}
