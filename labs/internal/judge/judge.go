// Package judge is the test side of every racelab lab: the process that
// decides a verdict. A lab's lab_test.go is a few lines:
//
//	package lab_test
//
//	func TestLab(t *testing.T) { judge.Run(t, judge.Want("bank", wantBank)) }
//
// The judge never shares a process with student code. The student's files
// belong to the lab's program (labs/NN-slug/PROGRAM, package main), which
// the judge does not link; it builds the program as a race-enabled binary of
// its own (or takes one the grader built, protocol.EnvProgram) and its
// scripts start it with the command named after it:
//
//	env RACELAB_OVERLAP=$N
//	bank -deposits $N -seed $SEED
//	want bank deposits $N $SEED
//
// Each start is judged from outside: its exit status (only
// protocol.ExitChecked passes), its output (against what the lab's Want
// functions compute from the same inputs) and, within limits the judge
// enforces, how long it ran and how much it printed. The program sees only
// protocol.ProgramEnv, in a sandbox when the grader asks for one
// (protocol.EnvSandbox).
//
// Run's steps, each a subtest of TestLab:
//
//   - static: the analyzers of checker/labvet over the editable files. A
//     file confine refuses is never built or run; other findings (the fix
//     is not the kind the lab teaches) fail the step but the scripts still
//     run, so the student sees both.
//   - build: go build -race -trimpath of the program.
//   - scripts: testscript over testdata/*.txtar.
//
// With protocol.EnvVerdict set, Run writes what it decided as a
// protocol.Verdict: the one thing make lab, verify and grade read.
package judge

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/racelab/racelab/checker/isolate"
	"github.com/racelab/racelab/checker/lab"
	"github.com/racelab/racelab/checker/labvet/fixkind"
	"github.com/racelab/racelab/checker/protocol"
)

// Option configures Run.
type Option func(*config)

type config struct {
	wants map[string]WantFunc
	cmds  map[string]func(ts *testscript.TestScript, neg bool, args []string)
}

// WantFunc computes the output a correct program prints for the given
// script arguments, one line per expected line.
type WantFunc func(args []string) (string, error)

// Want registers an expectation for the script command `want NAME ARGS...`,
// which fails unless every line that fn returns for ARGS appears, in order,
// as a whole line of the last command's stdout. Labs use it so that
// expected values are computed from inputs that change from run to run, and
// a hard-coded answer cannot pass.
func Want(name string, fn WantFunc) Option {
	return func(c *config) { c.wants[name] = fn }
}

// Command adds a lab-specific script command.
func Command(name string, fn func(ts *testscript.TestScript, neg bool, args []string)) Option {
	return func(c *config) { c.cmds[name] = fn }
}

// judge is one Run: the lab, how to start its program, and what was seen.
type judge struct {
	lab     *lab.Lab
	bin     string        // the program binary
	tmp     string        // a folder for the build, as long-lived as TestLab
	sandbox *isolate.Spec // nil: start the program directly
	limits  limits

	mu      sync.Mutex
	verdict protocol.Verdict
	unread  error // the static checks could not type-check the files (labvet.ErrCompile)
}

// Run judges the lab in the current directory (go test runs a lab's test
// in the lab's folder).
func Run(t *testing.T, opts ...Option) {
	c := &config{wants: map[string]WantFunc{}, cmds: map[string]func(*testscript.TestScript, bool, []string){}}
	for _, o := range opts {
		o(c)
	}
	l, err := lab.Load(".")
	if err != nil {
		t.Fatalf("racelab: broken lab (tell your instructor): %v", err)
	}
	j := &judge{lab: l, tmp: t.TempDir(), verdict: protocol.Verdict{Lab: l.Name()}}
	if j.limits, err = readLimits(); err != nil {
		t.Fatalf("racelab: %v", err)
	}
	if s := os.Getenv(protocol.EnvSandbox); s != "" {
		spec, err := isolate.ParseSpec(s)
		if err != nil {
			t.Fatalf("racelab: %s: %v", protocol.EnvSandbox, err)
		}
		j.sandbox = &spec
	}
	defer j.finish(t)

	if prog := os.Getenv(protocol.EnvProgram); prog != "" {
		// Built, and checked, by the caller.
		if j.bin, err = filepath.Abs(prog); err != nil {
			t.Fatalf("racelab: %s: %v", protocol.EnvProgram, err)
		}
	} else {
		if os.Getenv(protocol.EnvSkipStatic) != "1" && !t.Run("static", j.static) && j.refused() {
			return
		}
		if !t.Run("build", j.build) {
			return
		}
	}
	t.Run("scripts", func(t *testing.T) { j.scripts(t, c) })
}

func (j *judge) scripts(t *testing.T, c *config) {
	cmds := map[string]func(*testscript.TestScript, bool, []string){
		j.lab.Program: j.runProgram,
		"want":        c.want,
	}
	for name, fn := range c.cmds {
		if _, taken := cmds[name]; taken {
			t.Fatalf("racelab: the lab's command %q clashes with the program's or want: rename it", name)
		}
		cmds[name] = fn
	}
	testscript.Run(t, testscript.Params{
		Dir:                "testdata",
		RequireUniqueNames: true,
		Setup:              j.setup,
		Cmds:               cmds,
	})
}

// finish decides the verdict, fails TestLab for a fix of another kind, and
// writes the verdict when asked for one.
func (j *judge) finish(t *testing.T) {
	j.mu.Lock()
	v := j.verdict
	j.mu.Unlock()
	sort.Slice(v.Scripts, func(a, b int) bool { return v.Scripts[a].Name < v.Scripts[b].Name })
	var reasons []protocol.Reason
	for _, f := range v.Static {
		if f.Check == "confine" {
			reasons = append(reasons, protocol.Refused)
		} else {
			reasons = append(reasons, protocol.WrongFix)
		}
	}
	if v.Build != "" {
		reasons = append(reasons, protocol.Build)
	}
	for _, s := range v.Scripts {
		reasons = append(reasons, s.Reasons...)
	}
	v.Reasons = protocol.Sort(reasons)
	v.Passed = !t.Failed() && len(v.Reasons) == 0 && len(v.Scripts) > 0
	if v.Passed && v.Kinds != nil && !j.lab.KindPasses(v.Kinds) {
		// The program works, but the fix is not the kind the lab
		// teaches: say so rather than pass it (or call it wrong).
		v.Passed = false
		v.Reasons = []protocol.Reason{protocol.OtherKind}
		t.Errorf("%s the program works, but this lab practises %s, and the fix uses %s: try it that way", protocol.MarkOtherKind,
			describeKinds(j.lab.Fix, " or "), describeKinds(v.Kinds, " and "))
	}
	if !v.Passed && len(v.Reasons) == 0 {
		v.Reasons = []protocol.Reason{protocol.Fail}
	}
	if path := os.Getenv(protocol.EnvVerdict); path != "" {
		if err := v.Write(path); err != nil {
			t.Errorf("racelab: %v", err)
		}
	}
}

// describeKinds names kinds of fix in words ("none" for none).
func describeKinds(kinds []string, sep string) string {
	if len(kinds) == 0 {
		return "no new synchronisation"
	}
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = fixkind.Describe(k)
	}
	return strings.Join(out, sep)
}

// describe says, in one line, how a run ended.
func describe(r protocol.Run, reasons []protocol.Reason) string {
	var how string
	switch {
	case r.Limit == protocol.LimitOutput:
		how = "was stopped: it printed more than the lab allows"
	case r.Limit == protocol.LimitWall:
		how = "was stopped: it ran longer than the lab allows"
	case r.Exit < 0:
		how = "was killed"
	default:
		how = fmt.Sprintf("exited with status %d", r.Exit)
	}
	names := make([]string, len(reasons))
	for i, x := range reasons {
		names[i] = string(x)
	}
	return fmt.Sprintf("the program %s (%s)", how, strings.Join(names, ", "))
}

// describeTest says, in one line, how a run of the student's test against
// a correct variant failed.
func describeTest(v lab.Variant, r protocol.Run, reasons []protocol.Reason) string {
	switch protocol.Primary(reasons) {
	case protocol.FalseAlarm:
		return fmt.Sprintf("%s the test fails against %s, which is correct (exit status %d): the test itself is wrong", protocol.MarkFalseAlarm, v.Name, r.Exit)
	case protocol.Race:
		return fmt.Sprintf("the test races against %s, which is correct: the race is in the test itself", v.Name)
	case protocol.Deadlock:
		return fmt.Sprintf("the test never finishes against %s, which is correct: it waits for something that never happens", v.Name)
	}
	return "the test " + strings.TrimPrefix(describe(r, reasons), "the program ")
}
