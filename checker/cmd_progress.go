package main

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/racelab/racelab/checker/internal/i18n"
	"github.com/racelab/racelab/checker/internal/progress"
	"github.com/racelab/racelab/checker/lab"
)

// cmdProgress prints the course map with the student's status on each lab
// and what to do next.
func cmdProgress(_ context.Context, e *env, args []string) error {
	if len(args) != 0 {
		return usageError{"progress takes no arguments"}
	}
	root, err := e.needRoot()
	if err != nil {
		return err
	}
	all, _ := lab.Discover(root)
	s, err := progress.Load(root)
	if err != nil {
		return err
	}
	u := e.ui()
	fmt.Fprintln(e.stdout, u.bold(u.lang.T(i18n.ProgressTitle)))
	fmt.Fprintln(e.stdout)
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, u.lang.T(i18n.ProgressHeader))
	passed, points, total := 0, 0, 0
	var next *lab.Lab
	for _, l := range all {
		total += l.Points
		var status string
		switch s.StatusOf(l.Name()) {
		case progress.Passed:
			passed++
			points += l.Points
			status = u.green(u.lang.T(i18n.ProgressPassed))
		case progress.Failing:
			status = u.red(u.lang.T(i18n.ProgressFailing))
		default:
			status = u.lang.T(i18n.ProgressNotYet)
		}
		if next == nil && s.StatusOf(l.Name()) != progress.Passed {
			next = l
		}
		fmt.Fprintf(tw, "%02d\t%s\t%s\t%s\n", l.Number, l.Title.In(string(u.lang)), strings.Join(l.Concepts, ", "), status)
	}
	tw.Flush()
	fmt.Fprintln(e.stdout)
	u.say(i18n.ProgressCount, passed, len(all), points, total)
	if next != nil {
		u.say(i18n.ProgressNext, next.Number, next.Title.In(string(u.lang)))
	} else {
		u.say(i18n.ProgressDone)
	}
	return nil
}
