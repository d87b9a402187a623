package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"time"

	"github.com/racelab/racelab/checker/internal/i18n"
	"github.com/racelab/racelab/checker/internal/progress"
	"github.com/racelab/racelab/checker/internal/termtext"
	"github.com/racelab/racelab/checker/internal/warm"
	"github.com/racelab/racelab/checker/lab"
)

// cmdSetup builds what every lab needs (the race-enabled standard library,
// the judges' tools) ahead of class, so that no student's first `make lab`
// waits minutes without knowing why.
func cmdSetup(ctx context.Context, e *env, args []string) error {
	u := e.ui()
	fs := flag.NewFlagSet("setup", flag.ContinueOnError)
	if err := u.parse(fs, args, "go tool checker setup"); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return u.fail(i18n.ErrNoArgs, u.cmd("setup", 0))
	}
	root, err := e.needRoot()
	if err != nil {
		return err
	}
	all, _ := lab.Discover(root)
	if len(all) == 0 {
		return u.fail(i18n.ErrNoLabs, root)
	}
	first := u.cmd("lab", all[0].Number)
	plan, err := warm.Stale(ctx, root, all)
	if err != nil {
		return errors.New(u.t(i18n.ErrWarm, err))
	}
	if plan.Len() == 0 {
		u.say(i18n.SetupWarm, first)
	} else {
		u.say(i18n.SetupStart, plan.Len(), u.duration(warm.Estimate(plan.Len())))
		if err := warmUp(ctx, e, root, plan); err != nil {
			return err
		}
		u.say(i18n.SetupDone, first)
	}
	return saveStamp(ctx, e, root, all)
}

// ensureWarm is what a lab run does first: when the build cache may lack
// the race-enabled standard library (no stamp that still holds), it asks
// go list, and if much is missing, says so before building it with
// progress. A warm cache costs one stat.
func ensureWarm(ctx context.Context, e *env, root string, all []*lab.Lab, l *lab.Lab) error {
	s, err := store(root, all).Load()
	if err == nil && warm.Fresh(s.Warm) {
		return nil
	}
	u := e.ui()
	plan, err := warm.Stale(ctx, root, []*lab.Lab{l})
	if err != nil {
		return nil // go test will say what is wrong, better than we could
	}
	// A few packages (a dependency updated) build unnoticed; the
	// standard library does not.
	if plan.Len() > 20 {
		u.say(i18n.WarmStart, plan.Len(), u.duration(warm.Estimate(plan.Len())))
		u.say(i18n.WarmAhead)
		if err := warmUp(ctx, e, root, plan); err != nil {
			return err
		}
	}
	return saveStamp(ctx, e, root, all)
}

// warmUp builds the plan, showing its progress: on a terminal a line that
// updates itself, elsewhere a line every tenth.
func warmUp(ctx context.Context, e *env, root string, plan warm.Plan) error {
	u := e.ui()
	total := plan.Len()
	start := time.Now()
	live := isTerminal(e.stdout)
	lastTenth := 0
	err := warm.Build(ctx, root, plan, func(done int, pkg string) {
		line := u.t(i18n.WarmProgress, min(done, total), total, u.duration(warm.Left(done, total, time.Since(start))), pkg)
		switch {
		case live:
			width := u.width
			if width == 0 {
				width = 80
			}
			fmt.Fprint(e.stdout, "\r\x1b[K"+termtext.Truncate(line, width-1))
		case done*10/total > lastTenth:
			lastTenth = done * 10 / total
			fmt.Fprintln(e.stdout, line)
		}
	})
	if live {
		fmt.Fprint(e.stdout, "\r\x1b[K")
	}
	if ctx.Err() != nil {
		return errInterrupted
	}
	if err != nil {
		return errors.New(u.t(i18n.ErrWarm, err))
	}
	u.say(i18n.WarmDone, u.duration(time.Since(start)))
	return nil
}

// saveStamp records that the cache is warm, so that the next run checks
// it with a stat.
func saveStamp(ctx context.Context, e *env, root string, all []*lab.Lab) error {
	stamp, err := warm.Stamp(ctx, root)
	if err != nil {
		return nil // checked again next time: no harm
	}
	_, err = store(root, all).Update(func(s *progress.State) { s.Warm = stamp })
	if err != nil {
		return e.ui().progressErr(err)
	}
	return nil
}

// duration says d roughly, in the student's language: "40 s", "3 min".
func (u ui) duration(d time.Duration) string {
	if d < 90*time.Second {
		return u.t(i18n.DurSeconds, max(1, int(d.Round(time.Second)/time.Second)))
	}
	return u.t(i18n.DurMinutes, int(d.Round(time.Minute)/time.Minute))
}

// store is the progress file of the clone at root, for the course of labs
// all.
func store(root string, all []*lab.Lab) progress.Store {
	var slugs []string
	for _, l := range all {
		slugs = append(slugs, l.Slug)
	}
	return progress.Store{Root: root, Slugs: slugs}
}
