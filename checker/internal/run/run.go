package run

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"
)

// TestTimeout bounds one whole `go test` of a lab. A lab's programs finish in
// milliseconds and the harness's own watchdogs fire within seconds, so this
// only catches what they cannot (a test binary that never returns).
const TestTimeout = 120 * time.Second

// BuildFlags are the go build flags of every lab run. -trimpath makes the
// build independent of where the tree lives, so private copies of the
// repository share the build cache.
func BuildFlags() []string { return []string{"-race", "-trimpath"} }

// Env returns base (usually os.Environ()) adjusted for a lab run: the race
// runtime does not sleep a second at exit (the harness waits for stragglers
// itself), and go commands the tests start themselves (the static checks)
// build with the same -trimpath.
func Env(base []string) []string {
	env := make([]string, 0, len(base)+2)
	goflags, gorace := "", ""
	for _, kv := range base {
		switch {
		case strings.HasPrefix(kv, "GOFLAGS="):
			goflags = strings.TrimPrefix(kv, "GOFLAGS=")
		case strings.HasPrefix(kv, "GORACE="):
			gorace = strings.TrimPrefix(kv, "GORACE=")
		default:
			env = append(env, kv)
		}
	}
	if !strings.Contains(goflags, "-trimpath") {
		goflags = strings.TrimSpace(goflags + " -trimpath")
	}
	if !strings.Contains(gorace, "atexit_sleep_ms") {
		gorace = strings.TrimSpace(gorace + " atexit_sleep_ms=0")
	}
	return append(env, "GOFLAGS="+goflags, "GORACE="+gorace)
}

// Result is the outcome of one run of a lab's tests.
type Result struct {
	Reasons  []Reason          // empty when the run passed
	Output   string            // everything the tests printed, in order
	Stream   string            // the raw test2json stream, for readers that want events
	Tests    map[string]string // test name -> "pass", "fail" or "skip", from the test2json stream
	Duration time.Duration
	// Truncated reports that the run printed more than its output limit
	// (see ExecOptions.MaxOutput) and was killed; Output holds the start.
	Truncated bool
	// ExitCode is the exit status of the run (of test2json, which exits 0
	// exactly when the test binary does); -1 when killed by a signal. The
	// grader needs it apart from the event stream: a pass needs both.
	ExitCode int
}

// Passed reports whether the run passed.
func (r Result) Passed() bool { return len(r.Reasons) == 0 }

// Reason is the run's primary reason, Pass when it passed.
func (r Result) Reason() Reason { return Primary(r.Reasons) }

// event is one line of `go test -json` / test2json output.
type event struct {
	Action string
	Test   string
	Output string
}

// decode reads a test2json stream, collecting output and per-test results.
// Lines that are not JSON (a build failure printed by go test itself) are
// kept as output.
func decode(r io.Reader) (output string, tests map[string]string, buildFailed bool) {
	tests = map[string]string{}
	var out strings.Builder
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	for sc.Scan() {
		line := sc.Bytes()
		var ev event
		if len(line) == 0 || line[0] != '{' || json.Unmarshal(line, &ev) != nil {
			out.Write(line)
			out.WriteByte('\n')
			continue
		}
		switch ev.Action {
		case "output", "build-output":
			out.WriteString(ev.Output)
		case "build-fail":
			buildFailed = true
		case "pass", "fail", "skip":
			if ev.Test != "" {
				tests[ev.Test] = ev.Action
			}
		}
	}
	return out.String(), tests, buildFailed
}

// GoTest runs `go test -json` on the lab package pkg (e.g. "./labs/03-mutex")
// from the module root dir with the standard flags, and classifies the
// outcome. extraEnv is added to the standard environment (e.g. GOMAXPROCS=1).
// An error means go test could not be run at all.
func GoTest(ctx context.Context, dir, pkg string, extraEnv ...string) (Result, error) {
	args := append([]string{"test", "-json"}, BuildFlags()...)
	args = append(args, "-count=1", "-timeout="+TestTimeout.String(), pkg)
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	cmd.Env = append(Env(os.Environ()), extraEnv...)
	return collect(cmd)
}

// collect runs cmd, which prints a test2json stream, in its own process
// group so that a timeout kills the test binary and its script children too.
func collect(cmd *exec.Cmd) (Result, error) { return collectLimited(cmd, 0) }

// collectLimited is collect keeping at most max bytes of each of stdout and
// stderr (no limit when max <= 0); a run that prints more is killed.
func collectLimited(cmd *exec.Cmd, max int) (Result, error) {
	kill := func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	stdout := &capped{max: max, kill: kill}
	stderr := &capped{max: max, kill: kill}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = kill
	cmd.WaitDelay = 5 * time.Second
	start := time.Now()
	err := cmd.Run()
	res := Result{Duration: time.Since(start), Truncated: stdout.over || stderr.over, ExitCode: -1}
	if cmd.ProcessState != nil {
		res.ExitCode = cmd.ProcessState.ExitCode()
	}
	output, tests, buildFailed := decode(bytes.NewReader(stdout.buf.Bytes()))
	res.Output, res.Tests, res.Stream = output+stderr.buf.String(), tests, stdout.buf.String()
	if res.Truncated {
		res.Output += fmt.Sprintf("\nracelab: the run printed more than %d bytes and was stopped\n", max)
		res.Reasons = []Reason{Fail}
		return res, nil
	}
	var exit *exec.ExitError
	switch {
	case err == nil:
		if tests["TestLab"] != "pass" {
			// A zero exit is not evidence: the program's own code runs in
			// the test binary and may exit early. Only the test reporting
			// its pass counts.
			res.Output += "racelab: the test binary exited without reporting TestLab as passed (did the program call os.Exit?)\n"
			res.Reasons = []Reason{Fail}
		}
		return res, nil
	case errors.As(err, &exit):
		timedOut := cmd.ProcessState != nil && !cmd.ProcessState.Exited() // killed by a signal
		if !buildFailed && len(tests) == 0 && strings.Contains(res.Output, "[setup failed]") {
			buildFailed = true
		}
		res.Reasons = Reasons(res.Output, buildFailed, timedOut)
		return res, nil
	default:
		return res, fmt.Errorf("running %s: %w", strings.Join(cmd.Args, " "), err)
	}
}

// capped is a buffer that keeps the first max bytes written to it and kills
// the writer's process group once more arrive.
type capped struct {
	buf  bytes.Buffer
	max  int
	over bool
	kill func() error
}

func (c *capped) Write(p []byte) (int, error) {
	if c.max <= 0 {
		return c.buf.Write(p)
	}
	if room := c.max - c.buf.Len(); len(p) > room {
		c.buf.Write(p[:max(room, 0)])
		if !c.over {
			c.over = true
			c.kill()
		}
		return len(p), nil // swallow the rest: the process is being killed
	}
	return c.buf.Write(p)
}
