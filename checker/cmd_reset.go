package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/racelab/racelab/checker/internal/i18n"
	"github.com/racelab/racelab/checker/internal/progress"
	"github.com/racelab/racelab/checker/lab"
)

// backupDir keeps the student's versions that reset replaced (ignored by git).
const backupDir = ".racelab-backup"

// cmdReset puts a lab's editable files back as shipped, after asking, keeps
// the student's version in a backup, and clears the lab's pass: the file
// that passed is gone.
func cmdReset(_ context.Context, e *env, args []string) error {
	u := e.ui()
	fs := flag.NewFlagSet("reset", flag.ContinueOnError)
	yes := fs.Bool("y", e.getenv("Y") == "1", u.t(i18n.FlagYes))
	if err := u.parse(fs, args, "go tool checker reset [-y] N"); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return u.fail(i18n.ErrNameLab, u.cmd("reset", 1))
	}
	root, all, l, err := e.lab(fs.Arg(0), "reset")
	if err != nil {
		return err
	}
	ask := func(rel, backup string) (bool, error) {
		if *yes {
			return true, nil
		}
		if !isTerminal(e.stdin) {
			return false, u.fail(i18n.ResetNeedYes, rel, u.cmd("reset", l.Number, "Y=1"))
		}
		fmt.Fprint(e.stdout, u.t(i18n.ResetAsk, rel, backup))
		answer, _ := bufio.NewReader(e.stdin).ReadString('\n')
		a := strings.ToLower(strings.TrimSpace(answer))
		return a == "y" || a == "yes" || a == "ya", nil
	}
	return resetLab(e, root, all, l, ask)
}

// resetLab puts l's files back as shipped, each after ask agrees (false:
// nothing more changes), and clears l's pass in the progress.
func resetLab(e *env, root string, all []*lab.Lab, l *lab.Lab, ask func(rel, backup string) (bool, error)) error {
	u := e.ui()
	stamp := time.Now().Format("20060102-150405")
	for _, f := range l.Editable {
		rel := l.Rel(f)
		shipped, err := lab.ShippedFile(root, rel)
		if err != nil {
			return errors.New(u.t(i18n.ErrNoShipped, rel))
		}
		current, readErr := os.ReadFile(filepath.Join(root, rel))
		if readErr == nil && bytes.Equal(current, shipped) {
			u.say(i18n.ResetSame, rel)
			continue
		}
		backup := filepath.Join(backupDir, l.Name(), f+"."+stamp)
		ok, err := ask(rel, backup)
		if err != nil {
			return err
		}
		if !ok {
			u.say(i18n.ResetCancelled)
			return nil
		}
		if readErr == nil {
			if err := os.MkdirAll(filepath.Join(root, filepath.Dir(backup)), 0o755); err != nil {
				return errors.New(u.t(i18n.ErrBackup, err))
			}
			if err := os.WriteFile(filepath.Join(root, backup), current, 0o644); err != nil {
				return errors.New(u.t(i18n.ErrBackup, err))
			}
		}
		if err := os.WriteFile(filepath.Join(root, rel), shipped, 0o644); err != nil {
			return errors.New(u.t(i18n.ErrWrite, rel, err))
		}
		u.say(i18n.ResetDone, rel)
		if readErr == nil {
			u.say(i18n.ResetBackup, backup)
		}
	}
	var was progress.Status
	s, err := store(root, all).Update(func(s *progress.State) {
		was = s.StatusOf(l.Slug)
		s.Reset(l.Slug)
	})
	if err != nil {
		return u.progressErr(err)
	}
	u.notes(s)
	if was != progress.NotStarted {
		u.say(i18n.ResetCleared, l.Name())
	}
	return nil
}
