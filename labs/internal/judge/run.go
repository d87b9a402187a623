package judge

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/racelab/racelab/checker/protocol"
)

// limits bound one run of the program, so that the judge survives whatever
// it does: print forever, never end.
type limits struct {
	output int           // bytes of stdout plus stderr
	wall   time.Duration // wall-clock time
}

func readLimits() (limits, error) {
	l := limits{output: protocol.DefaultMaxOutput}
	l.wall, _ = time.ParseDuration(protocol.DefaultRunLimit)
	if v := os.Getenv(protocol.EnvMaxOutput); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return l, fmt.Errorf("%s=%q: want a number of bytes", protocol.EnvMaxOutput, v)
		}
		l.output = n
	}
	if v := os.Getenv(protocol.EnvRunLimit); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return l, fmt.Errorf("%s=%q: want a positive duration such as 60s", protocol.EnvRunLimit, v)
		}
		l.wall = d
	}
	return l, nil
}

// stateKey finds a script's scriptState among its testscript values.
type stateKey struct{}

// scriptState is what one script saw of the program.
type scriptState struct {
	vars    map[string]string // $N and $SEED
	runs    []protocol.Run
	reasons []protocol.Reason
	failure string
}

func state(ts *testscript.TestScript) *scriptState {
	return ts.Value(stateKey{}).(*scriptState)
}

// fail records why the script fails and stops it.
func fail(ts *testscript.TestScript, reasons []protocol.Reason, format string, args ...any) {
	st := state(ts)
	st.reasons = append(st.reasons, reasons...)
	st.failure = fmt.Sprintf(format, args...)
	ts.Fatalf("%s", st.failure)
}

// record adds a finished script to the verdict.
func (j *judge) record(t testscript.T, st *scriptState) {
	name := ""
	if n, ok := t.(interface{ Name() string }); ok {
		name = n.Name()
		name = name[strings.LastIndex(name, "/")+1:]
	}
	failed := false
	if f, ok := t.(interface{ Failed() bool }); ok {
		failed = f.Failed()
	}
	reasons := protocol.Sort(st.reasons)
	if failed && len(reasons) == 0 {
		// A check of the script's own failed (stdout, stderr, ...) after
		// every run of the program passed: the output is not what a
		// correct program prints.
		reasons = []protocol.Reason{protocol.WrongOutput}
		if len(st.runs) == 0 {
			reasons = []protocol.Reason{protocol.Fail}
		}
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	j.verdict.Scripts = append(j.verdict.Scripts, protocol.Script{
		Name: name, Passed: !failed, Reasons: reasons, Runs: st.runs, Failure: st.failure, Vars: st.vars,
	})
}

// runProgram is the script command named after the lab's program: it runs
// the program with the script's arguments and judges the run.
func (j *judge) runProgram(ts *testscript.TestScript, neg bool, args []string) {
	bin, rest, err := j.lab.Binary(j.bin, args)
	if err != nil {
		ts.Fatalf("racelab: broken script (tell your instructor): %v", err)
	}
	r, err := j.start(ts, bin, rest)
	if err != nil {
		ts.Fatalf("racelab: the judge could not start the program: %v", err)
	}
	r.Args = args // the variant's name included
	st := state(ts)
	st.runs = append(st.runs, r)
	fmt.Fprint(ts.Stdout(), r.Stdout)
	fmt.Fprint(ts.Stderr(), r.Stderr)
	if j.lab.Test != nil {
		j.judgeTest(ts, neg, args[0], r)
		return
	}
	reasons := protocol.Classify(r)
	switch {
	case len(reasons) > 0 && !neg:
		fail(ts, reasons, "%s", describe(r, reasons))
	case len(reasons) == 0 && neg:
		fail(ts, []protocol.Reason{protocol.Fail}, "the program passed, but the script expects it to fail")
	}
}

// judgeTest judges a run of a testing lab's test binary against a
// variant: a correct variant must pass it, one with a bug must fail it.
// The script's negation must agree with the variant, so that a lab cannot
// by mistake demand a test that fails a correct implementation.
func (j *judge) judgeTest(ts *testscript.TestScript, neg bool, variant string, r protocol.Run) {
	v, _ := j.lab.Variant(variant)
	if neg == v.Correct {
		ts.Fatalf("racelab: broken script (tell your instructor): variant %s is %s, so a good test %s it: write `%s%s %s`",
			v.Name, map[bool]string{true: "correct", false: "buggy"}[v.Correct], map[bool]string{true: "passes", false: "fails"}[v.Correct],
			map[bool]string{true: "", false: "! "}[v.Correct], j.lab.Program, v.Name)
	}
	reasons := protocol.ClassifyTest(r)
	switch {
	case v.Correct && len(reasons) > 0:
		fail(ts, reasons, "%s", describeTest(v, r, reasons))
	case !v.Correct && len(reasons) == 0:
		fail(ts, []protocol.Reason{protocol.Missed}, "%s the test passes against %s, which has a bug: %s", protocol.MarkMissed, v.Name, v.About.EN)
	}
}

// start runs the program once with args, in the script's work folder (in
// the sandbox's own when there is one), with only protocol.ProgramEnv.
func (j *judge) start(ts *testscript.TestScript, bin string, args []string) (protocol.Run, error) {
	ctx, cancel := context.WithTimeout(context.Background(), j.limits.wall)
	defer cancel()
	env := protocol.ProgramEnv(ts.Getenv)
	var cmd *exec.Cmd
	release := func() {}
	if j.sandbox != nil {
		var err error
		if cmd, release, err = j.sandbox.Command(ctx, bin, args, env); err != nil {
			return protocol.Run{}, err
		}
	} else {
		cmd = exec.CommandContext(ctx, bin, args...)
		cmd.Env = env
		cmd.Dir = ts.Getenv("WORK")
	}
	defer release()
	out := &capped{max: j.limits.output}
	cmd.Stdout, cmd.Stderr = out.stream(&out.stdout), out.stream(&out.stderr)
	// Its own process group, so that stopping it stops whatever it started.
	kill := ownGroup(cmd)
	cmd.WaitDelay = 2 * time.Second
	out.kill = kill

	start := time.Now()
	err := cmd.Start()
	if err != nil {
		return protocol.Run{}, err
	}
	err = cmd.Wait()
	r := protocol.Run{Args: args, Exit: -1, DurationMS: time.Since(start).Milliseconds()}
	if cmd.ProcessState != nil {
		r.Exit = cmd.ProcessState.ExitCode()
	}
	var exit *exec.ExitError
	switch {
	case out.over:
		r.Limit = protocol.LimitOutput
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		r.Limit = protocol.LimitWall
	case err != nil && !errors.As(err, &exit) && !errors.Is(err, exec.ErrWaitDelay):
		return protocol.Run{}, err
	}
	r.Stdout, r.Stderr = out.stdout.String(), out.stderr.String()
	if r.Limit == protocol.LimitOutput {
		r.Stderr += fmt.Sprintf("\n%s the program printed more than %d bytes and was stopped\n", protocol.MarkLimit, j.limits.output)
	}
	if r.Limit == protocol.LimitWall {
		r.Stderr += fmt.Sprintf("\n%s the program ran longer than %v and was stopped\n", protocol.MarkLimit, j.limits.wall)
	}
	return r, nil
}

// capped keeps at most max bytes of a program's stdout and stderr together,
// and kills the program once it prints more.
type capped struct {
	mu             sync.Mutex
	max            int
	stdout, stderr bytes.Buffer
	over           bool
	kill           func() error
}

func (c *capped) stream(buf *bytes.Buffer) *cappedWriter { return &cappedWriter{c, buf} }

type cappedWriter struct {
	c   *capped
	buf *bytes.Buffer
}

func (w *cappedWriter) Write(p []byte) (int, error) {
	c := w.c
	c.mu.Lock()
	defer c.mu.Unlock()
	room := c.max - c.stdout.Len() - c.stderr.Len()
	if len(p) <= room {
		return w.buf.Write(p)
	}
	w.buf.Write(p[:max(room, 0)])
	if !c.over {
		c.over = true
		c.kill()
	}
	return len(p), nil // swallow the rest: the program is being killed
}
