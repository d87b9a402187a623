package run

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"
)

// Compile builds the test binary of the lab package pkg (e.g.
// "./labs/03-mutex") from the module root dir into out, with the standard
// build flags. Building once and running the binary many times is how
// verify and grade repeat runs cheaply. A compile error is returned as a
// failed Result (reason Build) with the compiler's output, not as an error.
func Compile(ctx context.Context, dir, pkg, out string) (Result, error) {
	return CompileWith(ctx, dir, pkg, out, CompileOptions{})
}

// CompileOptions are the knobs of CompileWith. The zero value compiles as
// Compile does.
type CompileOptions struct {
	// Wrap, if not nil, turns the go command's line into the one to run:
	// the grader puts resource limits around compiling untrusted code.
	Wrap func([]string) []string
	// Overlay, if not empty, is a go build -overlay file: the student's
	// files stand in for the lab's without copying the tree.
	Overlay string
}

// CompileWith is Compile with options. A compile stopped by ctx's deadline
// is a Build failure that says so.
func CompileWith(ctx context.Context, dir, pkg, out string, o CompileOptions) (Result, error) {
	argv := append([]string{"go", "test", "-c", "-o", out}, BuildFlags()...)
	if o.Overlay != "" {
		argv = append(argv, "-overlay", o.Overlay)
	}
	argv = append(argv, pkg)
	if o.Wrap != nil {
		argv = o.Wrap(argv)
	}
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Dir = dir
	cmd.Env = Env(os.Environ())
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	// On a timeout, stop the compiler and linker processes too, not only
	// the go command.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
	err := cmd.Run()
	if err == nil {
		return Result{}, nil
	}
	if dl, ok := ctx.Deadline(); ok && ctx.Err() == context.DeadlineExceeded {
		buf.WriteString(fmt.Sprintf("\nracelab: compiling took longer than the grader allows (stopped at %s)\n", dl.Format("15:04:05")))
		return Result{Reasons: []Reason{Build}, Output: buf.String()}, nil
	}
	if ctx.Err() != nil {
		return Result{}, fmt.Errorf("compiling %s: %w", pkg, ctx.Err())
	}
	if _, ok := err.(*exec.ExitError); ok {
		if strings.TrimSpace(buf.String()) == "" {
			// Killed by a limit before it could say anything.
			fmt.Fprintf(&buf, "racelab: the compiler stopped without a message (%v): it may have run out of the memory or CPU time the grader allows\n", err)
		}
		return Result{Reasons: []Reason{Build}, Output: buf.String()}, nil
	}
	return Result{}, fmt.Errorf("compiling %s: %w", pkg, err)
}

// TestArgs are the test binary flags of every lab run: the same as go test
// passes with -count=1 -timeout=TestTimeout -json.
func TestArgs() []string {
	return []string{"-test.v=test2json", "-test.count=1", "-test.timeout=" + TestTimeout.String()}
}

// Exec runs the compiled test binary bin in the lab directory labDir
// through test2json, and classifies the outcome. wrap, if not nil, turns
// the binary's command line into the one to run (the grader puts it in a
// sandbox); test2json itself stays outside, so the event stream is framed
// by trusted code.
func Exec(ctx context.Context, bin, labDir string, wrap func([]string) []string, extraEnv ...string) (Result, error) {
	return ExecWith(ctx, bin, labDir, ExecOptions{Wrap: wrap, Env: extraEnv})
}

// ExecOptions are the knobs of ExecWith. The zero value runs the binary as
// Exec does.
type ExecOptions struct {
	Wrap func([]string) []string // see Exec
	Env  []string                // added to the standard environment
	// MaxOutput, if positive, bounds the bytes of event stream (and of
	// stderr) kept from the run. Past it the run is killed and fails with
	// Result.Truncated set: the grader runs untrusted programs, and one that
	// prints forever must not take the grader's memory with it.
	MaxOutput int
	// Test2JSON, if not empty, is the path of the test2json tool (see
	// Test2JSON). Otherwise every run starts it through `go tool`, which
	// costs about a quarter of a CPU second: as much as a lab run itself.
	Test2JSON string
}

// Test2JSON returns the path of the go toolchain's test2json, building it
// if need be, for callers that run many labs (ExecOptions.Test2JSON).
func Test2JSON(ctx context.Context) (string, error) {
	out, err := exec.CommandContext(ctx, "go", "tool", "-n", "test2json").Output()
	if err != nil {
		return "", fmt.Errorf("finding test2json (go tool -n test2json): %w", err)
	}
	return strings.TrimSpace(string(out)), nil
}

// ExecWith is Exec with options.
func ExecWith(ctx context.Context, bin, labDir string, o ExecOptions) (Result, error) {
	argv := append([]string{bin}, TestArgs()...)
	if o.Wrap != nil {
		argv = o.Wrap(argv)
	}
	tool := []string{"go", "tool", "test2json"}
	if o.Test2JSON != "" {
		tool = []string{o.Test2JSON}
	}
	args := append(append(tool[1:], "-t", "--"), argv...)
	cmd := exec.CommandContext(ctx, tool[0], args...)
	cmd.Dir = labDir
	cmd.Env = append(Env(os.Environ()), o.Env...)
	res, err := collectLimited(cmd, o.MaxOutput)
	if err != nil {
		return res, fmt.Errorf("running %s: %w", strings.Join(argv, " "), err)
	}
	return res, nil
}
