// Command checker is racelab's tool: it runs a lab the way the grader does
// and explains the result, verifies that labs are right, and grades a
// class. Run `go run ./checker help` for the commands.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"sort"
	"strings"
	"syscall"

	"github.com/racelab/racelab/checker/internal/i18n"
	"github.com/racelab/racelab/checker/internal/termtext"
)

// env is what a command may touch of the outside world, passed in rather
// than read from globals so commands can be tested.
type env struct {
	stdout, stderr io.Writer
	stdin          io.Reader
	getenv         func(string) string
	root           string // the racelab repository; "" when not inside one
	dir            string // the working directory, which may name a lab
	// width and color, when set, stand for what stdout would tell: the
	// home screen runs commands whose output it shows itself.
	width int
	color bool
}

// command is one subcommand.
type command struct {
	summary i18n.Key
	student bool // listed for students (the rest for instructors)
	run     func(ctx context.Context, e *env, args []string) error
}

func commands() map[string]command {
	return map[string]command{
		"lab":       {i18n.CmdLab, true, cmdLab},
		"watch":     {i18n.CmdWatch, true, cmdWatch},
		"hint":      {i18n.CmdHint, true, cmdHint},
		"progress":  {i18n.CmdProgress, true, cmdProgress},
		"reset":     {i18n.CmdReset, true, cmdReset},
		"solution":  {i18n.CmdSolution, true, cmdSolution},
		"setup":     {i18n.CmdSetup, true, cmdSetup},
		"coursemap": {i18n.CmdCourseMap, false, cmdCourseMap},
		"verify":    {i18n.CmdVerify, false, cmdVerify},
		"grade":     {i18n.CmdGrade, false, cmdGrade},
		"merge":     {i18n.CmdMerge, false, cmdMerge},
		"new":       {i18n.CmdNew, false, cmdNew},
		"import":    {i18n.CmdImport, false, cmdImport},
	}
}

// errFailed is returned by commands whose run worked but whose verdict is
// negative (a lab that fails, a lab that is wrong): exit status 1, no
// extra message.
var errFailed = errors.New("failed")

// errInterrupted ends a command the student stopped (Ctrl-C): exit status
// 130, as a shell reports a process stopped by SIGINT, and no message.
var errInterrupted = errors.New("interrupted")

// usageError is a mistake in the command line: exit status 2.
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	dir, _ := os.Getwd()
	root, _ := findRootFrom(dir)
	e := &env{stdout: os.Stdout, stderr: os.Stderr, stdin: os.Stdin, getenv: os.Getenv, root: root, dir: dir}
	os.Exit(runMain(ctx, e, os.Args[1:]))
}

func runMain(ctx context.Context, e *env, args []string) int {
	cmds := commands()
	u := e.ui()
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(u, e.stdout, cmds)
		return 0
	}
	c, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "checker: %s\n\n", u.t(i18n.ErrUnknownCommand, args[0]))
		usage(u, e.stderr, cmds)
		return 2
	}
	err := c.run(ctx, e, args[1:])
	switch {
	case err == nil, errors.Is(err, errHelp):
		return 0
	case errors.Is(err, errFailed):
		return 1
	case errors.Is(err, errInterrupted):
		return 130
	default:
		fmt.Fprintln(e.stderr, termtext.Wrap(fmt.Sprintf("checker %s: %v", args[0], err), u.width))
		return 2
	}
}

// usage lists the commands, the students' first, in the student's language.
func usage(u ui, w io.Writer, cmds map[string]command) {
	if u.viaMake {
		makeUsage(u, w, cmds)
		return
	}
	self := "go tool checker"
	fmt.Fprintln(w, u.t(i18n.UsageHeader, self))
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, student := range []bool{true, false} {
		fmt.Fprintln(w)
		if student {
			fmt.Fprintln(w, u.t(i18n.UsageStudents))
		} else {
			fmt.Fprintln(w, u.t(i18n.UsageTeachers))
		}
		for _, n := range names {
			if cmds[n].student == student {
				line := fmt.Sprintf("  %-10s %s", n, u.t(cmds[n].summary))
				fmt.Fprintln(w, termtext.Wrap(line, u.width))
			}
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, termtext.Wrap(u.t(i18n.UsageMore, self), u.width))
}

// makeUsage is `make help` for students: their commands as make runs
// them, in the student's language. (The Makefile adds the instructors'.)
func makeUsage(u ui, w io.Writer, cmds map[string]command) {
	fmt.Fprintln(w, u.t(i18n.UsageStudents))
	type line struct{ cmd, what string }
	var lines []line
	widest := 0
	for _, n := range []string{"lab", "watch", "hint", "progress", "reset", "solution", "setup"} {
		lab := 0
		if n == "lab" || n == "hint" || n == "reset" || n == "solution" {
			lab = 1
		}
		l := line{u.cmd(n, lab), u.t(cmds[n].summary)}
		widest = max(widest, termtext.Len(l.cmd))
		lines = append(lines, l)
	}
	for _, l := range lines {
		text := "  " + termtext.Pad(l.cmd, widest+2) + l.what
		fmt.Fprintln(w, termtext.Wrap(text, u.width))
	}
	fmt.Fprintln(w, termtext.Wrap(u.t(i18n.UsageMakeMore), u.width))
}

// needRoot returns the repository root or an error saying how to get there.
func (e *env) needRoot() (string, error) {
	if e.root == "" {
		return "", e.ui().fail(i18n.ErrNotInRepo)
	}
	return e.root, nil
}

// findRoot walks up from the working directory to the racelab module root.
func findRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	return findRootFrom(dir)
}

// findRootFrom walks up from dir to the racelab module root.
func findRootFrom(dir string) (string, error) {
	if dir == "" {
		return "", errors.New("no working directory")
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && strings.Contains(strings.ReplaceAll(string(data), "\r\n", "\n"), "module github.com/racelab/racelab\n") {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no racelab go.mod found above the working directory")
		}
		dir = parent
	}
}
