package main

import (
	"context"
	"fmt"

	"github.com/racelab/racelab/checker/internal/i18n"
	"github.com/racelab/racelab/checker/internal/progress"
)

// cmdHint shows the next hint of a lab, from a nudge to nearly the answer,
// remembering how many the student has seen.
func cmdHint(_ context.Context, e *env, args []string) error {
	if len(args) != 1 {
		return usageError{"name one lab, e.g. `make hint N=3` or `go run ./checker hint 3`"}
	}
	root, _, l, err := e.lab(args[0])
	if err != nil {
		return err
	}
	if len(l.Hints) == 0 {
		return fmt.Errorf("lab %s has no hints in its lab.toml: tell your instructor", l.Name())
	}
	var shown int
	err = progress.Update(root, func(s *progress.State) {
		rec := s.Lab(l.Name())
		if rec.Hints < len(l.Hints) {
			rec.Hints++
		}
		shown = rec.Hints
	})
	if err != nil {
		return err
	}
	u := e.ui()
	fmt.Fprintln(e.stdout, u.bold(u.lang.T(i18n.HintHeader, shown, len(l.Hints), l.Name(), l.Title.In(string(u.lang)))))
	fmt.Fprintln(e.stdout, "  "+l.Hints[shown-1].In(string(u.lang)))
	if shown < len(l.Hints) {
		u.say(i18n.HintMore, l.Number)
	} else {
		u.say(i18n.HintLast)
	}
	return nil
}
