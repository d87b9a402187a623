package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/racelab/racelab/checker/internal/i18n"
	"github.com/racelab/racelab/checker/internal/progress"
	"github.com/racelab/racelab/checker/internal/termtext"
	"github.com/racelab/racelab/checker/lab"
)

// cmdHint shows the next hint of a lab, from a nudge to nearly the answer,
// remembering how many the student has seen.
func cmdHint(_ context.Context, e *env, args []string) error {
	u := e.ui()
	fs := flag.NewFlagSet("hint", flag.ContinueOnError)
	if err := u.parse(fs, args, "go tool checker hint N"); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return u.fail(i18n.ErrNameLab, u.cmd("hint", 1))
	}
	root, all, l, err := e.lab(fs.Arg(0), "hint")
	if err != nil {
		return err
	}
	text, err := nextHint(e, root, all, l)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, text)
	return nil
}

// nextHint records that the next hint of l was shown and returns it, with
// its header and what to do next, laid out for the terminal.
func nextHint(e *env, root string, all []*lab.Lab, l *lab.Lab) (string, error) {
	u := e.ui()
	if len(l.Hints) == 0 {
		return "", u.fail(i18n.ErrNoHints, l.Name())
	}
	var shown int
	s, err := store(root, all).Update(func(s *progress.State) {
		rec := s.Lab(l.Slug)
		if rec.Hints < len(l.Hints) {
			rec.Hints++
		}
		shown = max(rec.Hints, 1)
	})
	if err != nil {
		return "", u.progressErr(err)
	}
	u.notes(s)
	text := u.bold(u.t(i18n.HintHeader, shown, len(l.Hints), l.Name(), l.Title.In(string(u.lang)))) + "\n"
	text += termtext.Wrap("  "+l.Hints[shown-1].In(string(u.lang)), u.width) + "\n"
	if shown < len(l.Hints) {
		text += termtext.Wrap(u.t(i18n.HintMore, u.cmd("hint", l.Number)), u.width)
	} else {
		text += termtext.Wrap(u.t(i18n.HintLast), u.width)
	}
	return text, nil
}
