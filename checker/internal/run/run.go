// Package run runs a lab exactly one way, for every caller: the student's
// `make lab`, the instructor's `checker verify` and the grader all build a
// lab's judge and program with the same flags and read the same verdict,
// so that a lab never passes locally and fails when graded.
//
// A lab has two binaries (see checker/protocol): the judge, the lab's test
// binary, which holds no student code and is built once per lab; and the
// program, built from the student's files, which the judge starts for
// each script command. GoTest lets the judge build the program itself, as
// a plain `go test ./labs/...` does; callers that run many variants build
// the program once (BuildProgram) and hand it to a judge they built once
// (BuildJudge, Judge).
package run

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/racelab/racelab/checker/lab"
	"github.com/racelab/racelab/checker/protocol"
)

// TestTimeout bounds one whole run of a lab's judge. A lab's programs
// finish in milliseconds and the judge stops each one within its own
// limits, so this only catches what they cannot.
const TestTimeout = 120 * time.Second

// MaxJudgeOutput bounds what is kept of a judge's own output: it logs what
// the programs printed, each run of which it caps (protocol.DefaultMaxOutput).
const MaxJudgeOutput = 16 << 20

// Env returns base (usually os.Environ()) adjusted for a lab run: the go
// commands the judge starts (the static checks, the build) use -trimpath,
// as the checker's own builds do, so they share the build cache.
func Env(base []string) []string {
	env := make([]string, 0, len(base)+1)
	goflags := ""
	for _, kv := range base {
		if v, ok := strings.CutPrefix(kv, "GOFLAGS="); ok {
			goflags = v
			continue
		}
		env = append(env, kv)
	}
	if !strings.Contains(goflags, "-trimpath") {
		goflags = strings.TrimSpace(goflags + " -trimpath")
	}
	return append(env, "GOFLAGS="+goflags)
}

// Result is the outcome of one run of a lab's judge.
type Result struct {
	// Verdict is what the judge decided; nil when it decided nothing (it
	// could not run, or a build failed before it).
	Verdict *protocol.Verdict
	Reasons []protocol.Reason // empty when the run passed
	Output  string            // everything the judge printed, in order
	Stream  string            // go test -json's raw stream (GoTest only), for readers that want events
	// Duration is how long the judge ran, or the build took.
	Duration time.Duration
	ExitCode int // the judge's exit status; -1 when killed
}

// Passed reports whether the run passed.
func (r Result) Passed() bool { return len(r.Reasons) == 0 }

// Reason is the run's primary reason, Pass when it passed.
func (r Result) Reason() protocol.Reason { return protocol.Primary(r.Reasons) }

// GoTest runs `go test -json` on lab l from the module root dir, as a plain
// `go test ./labs/...` does (the judge runs the static checks and builds
// the program itself), and reads the judge's verdict. extraEnv is added to
// the standard environment (e.g. GOMAXPROCS=1). An error means go test
// could not be run at all.
func GoTest(ctx context.Context, dir string, l *lab.Lab, extraEnv ...string) (Result, error) {
	verdict, cleanup, err := verdictFile()
	if err != nil {
		return Result{}, err
	}
	defer cleanup()
	cmd := exec.CommandContext(ctx, "go", "test", "-json", "-count=1", "-timeout="+TestTimeout.String(), "./labs/"+l.Name())
	cmd.Dir = dir
	cmd.Env = append(append(Env(os.Environ()), protocol.EnvVerdict+"="+verdict), extraEnv...)
	return collect(cmd, verdict, MaxJudgeOutput)
}

// JudgeOptions are the knobs of Judge.
type JudgeOptions struct {
	// Program is the program binary, built by BuildProgram and checked
	// statically by the caller.
	Program string
	// Env is added to the standard environment: GOMAXPROCS, RACELAB_SEED,
	// the sandbox (protocol.EnvSandbox), ...
	Env []string
	// MaxOutput, if positive, replaces MaxJudgeOutput.
	MaxOutput int
}

// Judge runs the judge binary judgeBin of lab l (built by BuildJudge) on
// the program o.Program and reads its verdict. The verdict is the result;
// the judge's -test.v text is kept for people and for explain. An error
// means the judge could not judge: not the program's fault.
func Judge(ctx context.Context, judgeBin string, l *lab.Lab, o JudgeOptions) (Result, error) {
	verdict, cleanup, err := verdictFile()
	if err != nil {
		return Result{}, err
	}
	defer cleanup()
	ctx, cancel := context.WithTimeout(ctx, TestTimeout+10*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, judgeBin, "-test.v", "-test.count=1", "-test.timeout="+TestTimeout.String())
	cmd.Dir = l.Dir
	cmd.Env = append(append(Env(os.Environ()),
		protocol.EnvProgram+"="+o.Program, protocol.EnvVerdict+"="+verdict), o.Env...)
	res, err := collect(cmd, verdict, cmp.Or(o.MaxOutput, MaxJudgeOutput))
	if err != nil {
		return res, err
	}
	if res.Verdict == nil && !slices.Contains(res.Reasons, protocol.OutputLimit) {
		return res, fmt.Errorf("the judge of %s wrote no verdict (exit status %d): %s", l.Name(), res.ExitCode, lastLines(res.Output, 5))
	}
	return res, nil
}

func verdictFile() (path string, cleanup func(), err error) {
	dir, err := os.MkdirTemp("", "racelab-verdict-")
	if err != nil {
		return "", nil, fmt.Errorf("a folder for the verdict: %w", err)
	}
	return filepath.Join(dir, "verdict.json"), func() { os.RemoveAll(dir) }, nil
}

// collect runs cmd, which prints a test2json stream, in its own process
// group so that a timeout kills the judge and the programs it started, and
// reads the verdict it wrote at verdict.
func collect(cmd *exec.Cmd, verdict string, maxOutput int) (Result, error) {
	kill := ownGroup(cmd)
	stdout := &capped{max: maxOutput, kill: kill}
	stderr := &capped{max: maxOutput, kill: kill}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	cmd.WaitDelay = 5 * time.Second
	start := time.Now()
	err := cmd.Run()
	res := Result{Duration: time.Since(start), ExitCode: -1}
	if cmd.ProcessState != nil {
		res.ExitCode = cmd.ProcessState.ExitCode()
	}
	output, buildFailed := decode(bytes.NewReader(stdout.buf.Bytes()))
	res.Output, res.Stream = output+stderr.buf.String(), stdout.buf.String()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		return res, fmt.Errorf("running %s: %w", strings.Join(cmd.Args, " "), err)
	}
	if v, verr := protocol.ReadVerdict(verdict); verr == nil {
		res.Verdict = v
	}
	if res.Verdict != nil && res.Verdict.Fault != "" {
		return res, fmt.Errorf("the judge could not build the program, through no fault of its code: %s", res.Verdict.Fault)
	}
	if why, fault := protocol.BuildFault(output); fault && buildFailed && res.Verdict == nil {
		return res, fmt.Errorf("go test could not build the judge: %s", why)
	}
	switch {
	case stdout.over || stderr.over:
		res.Reasons = []protocol.Reason{protocol.OutputLimit}
		res.Output += fmt.Sprintf("\nracelab: the judge printed more than %d bytes and was stopped\n", maxOutput)
	case cmd.ProcessState != nil && !cmd.ProcessState.Exited():
		res.Reasons = []protocol.Reason{protocol.Timeout} // killed: the context's deadline
	case res.Verdict != nil:
		res.Reasons = res.Verdict.Reasons
		if res.Verdict.Passed && res.ExitCode != 0 {
			res.Reasons = []protocol.Reason{protocol.Fail} // never trust one without the other
		}
	case buildFailed:
		res.Reasons = []protocol.Reason{protocol.Build}
	case res.ExitCode == 0:
		res.Reasons = []protocol.Reason{protocol.Fail} // no verdict: no pass
	default:
		res.Reasons = []protocol.Reason{protocol.Fail}
	}
	return res, nil
}

// event is one line of `go test -json` / test2json output.
type event struct {
	Action string
	Test   string
	Output string
}

// decode reads a test2json stream into its output text. Lines that are not
// JSON (a build failure printed by go test itself) are kept as output.
func decode(r io.Reader) (output string, buildFailed bool) {
	var out strings.Builder
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), MaxJudgeOutput+1024)
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
		}
	}
	return out.String(), buildFailed
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, " / ")
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
