package main

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/racelab/racelab/checker/internal/i18n"
	"github.com/racelab/racelab/checker/internal/progress"
	"github.com/racelab/racelab/checker/internal/watch"
	"github.com/racelab/racelab/checker/lab"
)

// cmdWatch runs the current lab each time one of its files is saved; when
// the lab passes it records it and moves on to the next unfinished lab.
func cmdWatch(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("watch", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	poll := fs.Bool("poll", e.getenv("POLL") == "1", "poll the files instead of using file system events (or set POLL=1)")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	root, err := e.needRoot()
	if err != nil {
		return err
	}
	all, _ := lab.Discover(root)
	if len(all) == 0 {
		return fmt.Errorf("no labs under %s", filepath.Join(root, "labs"))
	}
	var current *lab.Lab
	if fs.NArg() > 0 {
		if current, err = lab.Find(all, fs.Arg(0)); err != nil {
			return usageError{err.Error()}
		}
	} else {
		s, err := progress.Load(root)
		if err != nil {
			return err
		}
		for _, l := range all {
			if s.StatusOf(l.Name()) != progress.Passed {
				current = l
				break
			}
		}
	}
	u := e.ui()
	opts := watch.Options{Poll: *poll, OnFallback: func(reason string) { u.say(i18n.WatchFallback, reason) }}
	for current != nil {
		passed, err := watchLab(ctx, e, root, current, opts)
		if err != nil || ctx.Err() != nil {
			u.say(i18n.WatchStop)
			return err
		}
		if !passed {
			break
		}
		current = nextUnfinished(root, all, current)
	}
	if current == nil {
		u.say(i18n.WatchAllDone)
	}
	return nil
}

// watchLab runs l now and after every save until it passes (true) or ctx
// ends (false).
func watchLab(ctx context.Context, e *env, root string, l *lab.Lab, opts watch.Options) (bool, error) {
	u := e.ui()
	changes, err := watch.Watch(ctx, l.ProgramDir(), l.Editable, opts)
	if err != nil {
		return false, err
	}
	u.say(i18n.WatchStart, l.Name(), l.Title.In(string(u.lang)), strings.Join(paths(l), ", "))
	passed, err := runLab(ctx, e, root, l, false)
	for err == nil && !passed {
		name, ok := <-changes
		if !ok {
			return false, nil
		}
		fmt.Fprintln(e.stdout)
		u.say(i18n.WatchSaved, name, l.Name())
		passed, err = runLab(ctx, e, root, l, false)
	}
	return passed, err
}
