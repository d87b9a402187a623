package run

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/racelab/racelab/checker/lab"
	"github.com/racelab/racelab/checker/protocol"
)

// BuildJudge builds lab l's judge, its test binary, from the module root
// dir into out. The judge holds no student code: one build serves every
// variant and every submission of the lab. Its failure is the lab's
// (instructor's) fault, so it is an error.
func BuildJudge(ctx context.Context, dir string, l *lab.Lab, out string) error {
	cmd := exec.CommandContext(ctx, "go", "test", "-c", "-o", out, "-trimpath", "./labs/"+l.Name())
	cmd.Dir = dir
	cmd.Env = Env(os.Environ())
	if data, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("building the judge of %s: %w\n%s", l.Name(), err, data)
	}
	return nil
}

// CompileOptions are the knobs of BuildProgram. The zero value builds the
// tree as it is.
type CompileOptions struct {
	// Overlay, if not empty, is a go build -overlay file: the student's
	// files stand in for the lab's without copying the tree.
	Overlay string
	// Wrap, if not nil, turns the go command's line into the one to run:
	// the grader puts resource limits around compiling untrusted code.
	Wrap func([]string) []string
}

// ErrCompileFault marks a compile that failed through the builder's
// fault, not the code's: stopped by the caller's deadline or by the limits
// Wrap put around it, or a go command that lost a dependency's file
// (protocol.BuildFault).
type ErrCompileFault struct{ Why string }

func (e *ErrCompileFault) Error() string { return e.Why }

// BuildProgram builds lab l's program, race-enabled, from the module root
// dir at out, as l.Builds says (one binary, or for a testing lab a folder of
// them). Code that does not compile is a failed Result (reason Build) with
// the compiler's output, not an error; a compile stopped by ctx's deadline
// or killed without a word (a limit), or failed twice through the go
// command's fault, is an *ErrCompileFault.
func BuildProgram(ctx context.Context, dir string, l *lab.Lab, out string, o CompileOptions) (Result, error) {
	tmp, err := os.MkdirTemp("", "racelab-build-")
	if err != nil {
		return Result{}, err
	}
	defer os.RemoveAll(tmp)
	builds, err := l.Builds(out, o.Overlay, tmp)
	if err != nil {
		return Result{}, fmt.Errorf("building %s: %w", l.Name(), err)
	}
	var res Result
	for _, b := range builds {
		one, err := compile(ctx, dir, l, append([]string{"go"}, b.Args...), o.Wrap)
		for _, pause := range protocol.BuildFaultPauses() {
			if _, fault := err.(*ErrCompileFault); !fault || ctx.Err() != nil {
				break
			}
			select {
			case <-time.After(pause):
			case <-ctx.Done():
			}
			if ctx.Err() != nil {
				break
			}
			one, err = compile(ctx, dir, l, append([]string{"go"}, b.Args...), o.Wrap)
		}
		res.Duration += one.Duration
		if err != nil || !one.Passed() {
			one.Duration = res.Duration
			return one, err
		}
	}
	return res, nil
}

// compile runs one go command of a build.
func compile(ctx context.Context, dir string, l *lab.Lab, argv []string, wrap func([]string) []string) (Result, error) {
	if wrap != nil {
		argv = wrap(argv)
	}
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Dir = dir
	cmd.Env = Env(os.Environ())
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	// On a timeout, stop the compiler and linker processes too, not only
	// the go command.
	ownGroup(cmd)
	cmd.WaitDelay = 5 * time.Second
	start := time.Now()
	err := cmd.Run()
	res := Result{Duration: time.Since(start)}
	if err == nil {
		return res, nil
	}
	if ctx.Err() != nil {
		if dl, ok := ctx.Deadline(); ok && ctx.Err() == context.DeadlineExceeded {
			return res, &ErrCompileFault{fmt.Sprintf("compiling took longer than the grader allows (%v, stopped at %s)",
				res.Duration.Round(time.Second), dl.Format("15:04:05"))}
		}
		return res, fmt.Errorf("compiling %s: %w", l.Package(), ctx.Err())
	}
	exit, ok := err.(*exec.ExitError)
	if !ok {
		return res, fmt.Errorf("compiling %s: %w", l.Package(), err)
	}
	if why, fault := protocol.BuildFault(buf.String()); fault {
		return res, &ErrCompileFault{why}
	}
	if !exit.Exited() || strings.TrimSpace(buf.String()) == "" {
		// Killed by a signal (SIGXCPU, SIGKILL), or ended without a
		// message: a limit, not a compile error.
		return res, &ErrCompileFault{fmt.Sprintf("the compiler stopped without a message (%v): it may have run out of the memory or CPU time the grader allows", err)}
	}
	res.Reasons = []protocol.Reason{protocol.Build}
	res.Output = buf.String()
	return res, nil
}
