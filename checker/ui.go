package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"golang.org/x/term"

	"github.com/racelab/racelab/checker/internal/i18n"
	"github.com/racelab/racelab/checker/internal/progress"
	"github.com/racelab/racelab/checker/internal/termtext"
	"github.com/racelab/racelab/checker/lab"
	"github.com/racelab/racelab/checker/protocol"
)

// ui is how the student commands speak: in the student's language, in
// colour only on a terminal that has not asked for none, wrapped to the
// terminal's width, and suggesting commands the way the student runs
// racelab (through make or `go tool checker`, with L=id if they chose it).
type ui struct {
	e     *env
	lang  i18n.Lang
	color bool
	// width is the terminal's width in columns; 0 when the output is not
	// a terminal and nobody said (COLUMNS): then lines are not wrapped.
	width int
	// viaMake is set when make started the checker: suggestions are make
	// commands (`make lab N=6`), otherwise `go tool checker lab 6`.
	viaMake bool
	// langVar is the L=… the student gave, kept in every suggestion.
	langVar string
}

func (e *env) ui() ui {
	return ui{
		e:       e,
		lang:    i18n.Choose(e.getenv("L"), e.getenv("LANG")),
		color:   e.color || isTerminal(e.stdout) && e.getenv("NO_COLOR") == "" && e.getenv("TERM") != "dumb",
		width:   termWidth(e),
		viaMake: e.getenv("MAKELEVEL") != "",
		langVar: strings.TrimSpace(e.getenv("L")),
	}
}

// termWidth is COLUMNS when set, else the width of the terminal stdout is,
// else 0.
func termWidth(e *env) int {
	if e.width > 0 {
		return e.width
	}
	if n, err := strconv.Atoi(e.getenv("COLUMNS")); err == nil && n > 0 {
		return n
	}
	if f, ok := e.stdout.(*os.File); ok && isTerminal(f) {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 0 {
			return w
		}
	}
	return 0
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

// t is message k in the student's language.
func (u ui) t(k i18n.Key, args ...any) string { return u.lang.T(k, args...) }

// say prints message k on a line of its own, wrapped to the terminal.
func (u ui) say(k i18n.Key, args ...any) { u.println(u.t(k, args...)) }

// println prints s wrapped to the terminal.
func (u ui) println(s string) { fmt.Fprintln(u.e.stdout, termtext.Wrap(s, u.width)) }

// paint wraps s in an ANSI colour when colour is on.
func (u ui) paint(code, s string) string {
	if !u.color {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}

func (u ui) green(s string) string  { return u.paint("32;1", s) }
func (u ui) red(s string) string    { return u.paint("31;1", s) }
func (u ui) yellow(s string) string { return u.paint("33;1", s) }
func (u ui) bold(s string) string   { return u.paint("1", s) }
func (u ui) dim(s string) string    { return u.paint("2", s) }

// flagFor is the checker's flag for a make variable a suggestion sets.
func flagFor(v string) string {
	switch v {
	case "V=1":
		return "-v"
	case "Y=1":
		return "-y"
	}
	return v
}

// cmd is the command line that runs checker command name on lab n (0: no
// lab), with make variables vars (V=1, Y=1) or the flags they stand for.
func (u ui) cmd(name string, n int, vars ...string) string {
	var parts []string
	if u.viaMake {
		parts = []string{"make", name}
		if n > 0 {
			parts = append(parts, "N="+strconv.Itoa(n))
		}
		parts = append(parts, vars...)
		if u.langVar != "" {
			parts = append(parts, "L="+u.langVar)
		}
		return strings.Join(parts, " ")
	}
	if u.langVar != "" {
		parts = append(parts, "L="+u.langVar)
	}
	parts = append(parts, "go", "tool", "checker", name)
	for _, v := range vars {
		parts = append(parts, flagFor(v))
	}
	if n > 0 {
		parts = append(parts, strconv.Itoa(n))
	}
	return strings.Join(parts, " ")
}

// fail is a mistake in the command line, in the student's language.
func (u ui) fail(k i18n.Key, args ...any) error { return usageError{u.t(k, args...)} }

// parse parses a command's flags, and says what is wrong with them in the
// student's language. -h prints the command's usage and is errHelp.
func (u ui) parse(fs *flag.FlagSet, args []string, usage string) error {
	name := "go tool checker " + fs.Name()
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	if err == nil {
		return nil
	}
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(u.e.stderr, u.t(i18n.UsageCommand, usage))
		fs.SetOutput(u.e.stderr)
		fs.PrintDefaults()
		return errHelp
	}
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "flag provided but not defined: "):
		return u.fail(i18n.ErrUnknownFlag, strings.TrimPrefix(msg, "flag provided but not defined: "), name)
	case strings.HasPrefix(msg, "flag needs an argument: "):
		return u.fail(i18n.ErrFlagNeedsValue, strings.TrimPrefix(msg, "flag needs an argument: "))
	}
	// invalid value "x" for flag -runs: parse error
	var value, flagName string
	if _, scanErr := fmt.Sscanf(msg, "invalid value %q for flag %s", &value, &flagName); scanErr == nil {
		return u.fail(i18n.ErrFlagValue, strings.TrimSuffix(flagName, ":"), value)
	}
	if _, scanErr := fmt.Sscanf(msg, "invalid boolean value %q for %s", &value, &flagName); scanErr == nil {
		return u.fail(i18n.ErrFlagValue, strings.TrimSuffix(flagName, ":"), value)
	}
	return usageError{msg}
}

// errHelp ends a command whose usage was asked for: exit status 0.
var errHelp = errors.New("help")

// noSuchLab is the error for a lab selection that names no lab.
func (u ui) noSuchLab(sel string, all []*lab.Lab) error {
	if len(all) == 0 {
		return u.fail(i18n.ErrNoSuchLab, sel, 0, 0, "-", u.cmd("progress", 0))
	}
	return u.fail(i18n.ErrNoSuchLab, sel, all[0].Number, all[len(all)-1].Number, all[0].Name(), u.cmd("progress", 0))
}

// progressErr says what to do about a progress file that cannot be used.
func (u ui) progressErr(err error) error {
	var pe *progress.PathError
	switch {
	case errors.As(err, &pe) && errors.Is(err, progress.ErrDamaged):
		return errors.New(u.t(i18n.ErrProgressBroken, pe.Path))
	case errors.As(err, &pe) && errors.Is(err, progress.ErrNewer):
		return errors.New(u.t(i18n.ErrProgressNewer, pe.Path))
	}
	return errors.New(u.t(i18n.ErrProgress, err))
}

// notes says what reading the progress file dropped.
func (u ui) notes(s *progress.State) {
	for _, d := range s.Dropped {
		u.say(i18n.ProgressDropped, d)
	}
}

// reasonKey names a run's reason in words.
func reasonKey(r protocol.Reason) i18n.Key { return i18n.ReasonKey(r) }
