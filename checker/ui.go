package main

import (
	"fmt"
	"os"

	"github.com/racelab/racelab/checker/internal/i18n"
	"github.com/racelab/racelab/checker/protocol"
)

// ui is how the student commands speak: in the student's language, in
// colour only on a terminal that has not asked for none.
type ui struct {
	e     *env
	lang  i18n.Lang
	color bool
}

func (e *env) ui() ui {
	return ui{
		e:     e,
		lang:  i18n.Choose(e.getenv("L"), e.getenv("LANG")),
		color: isTerminal(e.stdout) && e.getenv("NO_COLOR") == "" && e.getenv("TERM") != "dumb",
	}
}

// isTerminal reports whether w is a character device, such as a terminal.
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// say prints message k on a line of its own.
func (u ui) say(k i18n.Key, args ...any) { fmt.Fprintln(u.e.stdout, u.lang.T(k, args...)) }

// paint wraps s in an ANSI colour when colour is on.
func (u ui) paint(code, s string) string {
	if !u.color {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}

func (u ui) green(s string) string { return u.paint("32;1", s) }
func (u ui) red(s string) string   { return u.paint("31;1", s) }
func (u ui) bold(s string) string  { return u.paint("1", s) }

// reasonKey names a run's reason in words.
func reasonKey(r protocol.Reason) i18n.Key { return i18n.ReasonKey(r) }
