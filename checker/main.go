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
	"sort"
	"strings"
	"syscall"
)

// env is what a command may touch of the outside world, passed in rather
// than read from globals so commands can be tested.
type env struct {
	stdout, stderr io.Writer
	stdin          io.Reader
	getenv         func(string) string
	root           string // the racelab repository; "" when not inside one
}

// command is one subcommand.
type command struct {
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

func commands() map[string]command {
	return map[string]command{
		"lab":       {"run one lab exactly as the grader does and explain the result", cmdLab},
		"watch":     {"run the current lab on every save; move on when it passes", cmdWatch},
		"hint":      {"show the next hint of a lab", cmdHint},
		"progress":  {"the course map with your progress, and what to do next", cmdProgress},
		"reset":     {"put a lab's file back as shipped (keeps a backup)", cmdReset},
		"solution":  {"show the reference fix against your version, once your lab passes", cmdSolution},
		"coursemap": {"write labs/README.md, the course map, from the labs' lab.toml files", cmdCourseMap},
		"verify":    {"prove labs right: shipped fails as declared, solution passes, cheats fail", cmdVerify},
		"grade":     {"grade a class: submissions in, gradebook and feedback out (sandboxed)", cmdGrade},
		"merge":     {"combine the outputs of sharded `grade --shard I/N` runs into one gradebook", cmdMerge},
		"new":       {"create the next lab from a working example, with what is left to write marked", cmdNew},
		"import":    {"turn a racy program and its fix into the next lab, measured and verified", cmdImport},
	}
}

// errFailed is returned by commands whose run worked but whose verdict is
// negative (a lab that fails, a lab that is wrong): exit status 1, no
// extra message.
var errFailed = errors.New("failed")

// usageError is a mistake in the command line: exit status 2.
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	root, _ := findRoot()
	e := &env{stdout: os.Stdout, stderr: os.Stderr, stdin: os.Stdin, getenv: os.Getenv, root: root}
	os.Exit(runMain(ctx, e, os.Args[1:]))
}

func runMain(ctx context.Context, e *env, args []string) int {
	cmds := commands()
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(e.stdout, cmds)
		return 0
	}
	c, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "checker: unknown command %q\n\n", args[0])
		usage(e.stderr, cmds)
		return 2
	}
	err := c.run(ctx, e, args[1:])
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errFailed):
		return 1
	case errors.As(err, &ue):
		fmt.Fprintf(e.stderr, "checker %s: %v\n", args[0], err)
		return 2
	default:
		fmt.Fprintf(e.stderr, "checker %s: %v\n", args[0], err)
		return 2
	}
}

func usage(w io.Writer, cmds map[string]command) {
	fmt.Fprintln(w, "usage: go run ./checker COMMAND [flags] [args]\n\ncommands:")
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(w, "\nRun `go run ./checker COMMAND -h` for a command's flags.")
}

// needRoot returns the repository root or an error saying how to get there.
func (e *env) needRoot() (string, error) {
	if e.root == "" {
		return "", errors.New("not inside the racelab repository: cd into your clone of it (the folder with go.mod and labs/) and try again")
	}
	return e.root, nil
}

// findRoot walks up from the working directory to the racelab module root.
func findRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		data, err := os.ReadFile(dir + "/go.mod")
		if err == nil && strings.Contains(string(data), "module github.com/racelab/racelab\n") {
			return dir, nil
		}
		parent := dir[:max(strings.LastIndex(dir, "/"), 0)]
		if parent == "" || parent == dir {
			if dir != "/" {
				dir = "/"
				continue
			}
			return "", errors.New("no racelab go.mod found above the working directory")
		}
		dir = parent
	}
}
