package main

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/racelab/racelab/checker/internal/i18n"
	"github.com/racelab/racelab/checker/lab"
)

// backupDir keeps the student's versions that reset replaced (ignored by git).
const backupDir = ".racelab-backup"

// cmdReset puts a lab's editable files back as shipped, after asking, and
// keeps the student's version in a backup.
func cmdReset(_ context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("reset", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	yes := fs.Bool("y", e.getenv("Y") == "1", "do not ask (or set Y=1)")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if fs.NArg() != 1 {
		return usageError{"name one lab, e.g. `make reset N=3` or `go run ./checker reset 3`"}
	}
	root, _, l, err := e.lab(fs.Arg(0))
	if err != nil {
		return err
	}
	u := e.ui()
	stamp := time.Now().Format("20060102-150405")
	for _, f := range l.Editable {
		rel := l.Rel(f)
		shipped, err := lab.ShippedFile(root, rel)
		if err != nil {
			return err
		}
		current, err := os.ReadFile(filepath.Join(root, rel))
		if err == nil && bytes.Equal(current, shipped) {
			u.say(i18n.ResetSame, rel)
			continue
		}
		backup := filepath.Join(backupDir, l.Name(), f+"."+stamp)
		if !*yes {
			if !isTerminal(e.stdin) {
				return fmt.Errorf("%s", u.lang.T(i18n.ResetNeedYes, rel, l.Number))
			}
			fmt.Fprint(e.stdout, u.lang.T(i18n.ResetAsk, rel, backup))
			answer, _ := bufio.NewReader(e.stdin).ReadString('\n')
			if a := strings.ToLower(strings.TrimSpace(answer)); a != "y" && a != "yes" && a != "ya" {
				u.say(i18n.ResetCancelled)
				return nil
			}
		}
		if err == nil {
			if err := os.MkdirAll(filepath.Join(root, filepath.Dir(backup)), 0o755); err != nil {
				return fmt.Errorf("keeping a backup: %w", err)
			}
			if err := os.WriteFile(filepath.Join(root, backup), current, 0o644); err != nil {
				return fmt.Errorf("keeping a backup: %w", err)
			}
		}
		if err := os.WriteFile(filepath.Join(root, rel), shipped, 0o644); err != nil {
			return fmt.Errorf("resetting %s: %w", rel, err)
		}
		u.say(i18n.ResetDone, rel)
		if err == nil {
			u.say(i18n.ResetBackup, backup)
		}
	}
	return nil
}

// shippedVersion is the file as the course shipped it: as it stands in the
// clone's upstream (what the student cloned from), or, without one, in the
// last commit.
