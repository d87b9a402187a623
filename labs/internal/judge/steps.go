package judge

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/racelab/racelab/checker/labvet"
	"github.com/racelab/racelab/checker/protocol"
)

// static runs the static checks of the student's files, against the
// files as the course shipped them: only what the student changed counts.
func (j *judge) static(t *testing.T) {
	report, err := j.check()
	if errors.Is(err, labvet.ErrCompile) {
		// The compiler says it better: the build step reports it. Should
		// the build pass, the checks were skipped for nothing (build).
		j.mu.Lock()
		j.unread = err
		j.mu.Unlock()
		t.Skipf("racelab: static checks skipped: %v", err)
	}
	if err != nil {
		// Not the code's doing: a verdict without the checks could pass
		// a fix they would have rejected.
		j.mu.Lock()
		j.verdict.Fault = err.Error()
		j.mu.Unlock()
		t.Fatalf("racelab: the static checks could not run, and not because of your code: %v. Run it again; if this keeps happening, tell your instructor.", err)
	}
	findings := report.Findings
	j.mu.Lock()
	j.verdict.Static = findings
	j.verdict.Kinds = report.Kinds
	if j.verdict.Kinds == nil {
		j.verdict.Kinds = []string{} // known to be none, not unknown
	}
	j.mu.Unlock()
	refused := false
	for _, f := range findings {
		if f.Check == "confine" {
			refused = true
			t.Errorf("%s %s", protocol.MarkRefused, f)
		} else {
			t.Errorf("%s %s", protocol.MarkStatic, f)
		}
	}
	switch {
	case refused:
		t.Log("racelab: the program was not built or run: a lab's program may use only goroutines, sync, channels and the plain standard library.")
	case len(findings) > 0:
		t.Log("racelab: the program may pass its runs, but the fix is not the one this lab teaches.")
	}
}

// check compares the student's files with the shipped ones; where the
// shipped ones cannot be found (not a git clone), every finding and kind
// in the files counts.
func (j *judge) check() (labvet.Report, error) {
	l := j.lab
	shipped, shippedErr := l.Shipped()
	if shippedErr == nil {
		return labvet.Check(l.ProgramDir(), shipped, nil, l.Editable)
	}
	a, err := labvet.Analyze(l.ProgramDir(), nil, l.Editable)
	if err != nil {
		return labvet.Report{}, err
	}
	return labvet.Change(&labvet.Analysis{}, a), nil
}

// refused reports whether the static checks refused a file.
func (j *judge) refused() bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	for _, f := range j.verdict.Static {
		if f.Check == "confine" {
			return true
		}
	}
	return false
}

// build builds the program, race-enabled, into a folder of the test's
// (for a testing lab, one test binary per variant).
func (j *judge) build(t *testing.T) {
	l := j.lab
	bin := l.ProgramPath(filepath.Join(j.tmp, l.Program))
	builds, err := l.Builds(bin, "", j.tmp)
	if err != nil {
		t.Fatalf("racelab: %v", err)
	}
	for _, b := range builds {
		text, fault, err := buildRetried(func() (string, error) {
			cmd := exec.Command(goTool(), b.Args...)
			out, err := cmd.CombinedOutput()
			return strings.TrimSpace(string(out)), err
		})
		if err == nil {
			continue
		}
		j.mu.Lock()
		if fault != "" {
			j.verdict.Fault = fault + "\n" + text
		} else {
			j.verdict.Build = text
		}
		j.mu.Unlock()
		if fault != "" {
			t.Fatalf("racelab: the program could not be built, and not because of your code: %s. Run it again; if this keeps happening, tell your instructor.\n%s", fault, text)
		}
		t.Fatalf("racelab: the program does not build:\n%s", text)
	}
	j.mu.Lock()
	unread := j.unread
	if unread != nil {
		j.verdict.Fault = "the static checks could not read files that compile: " + unread.Error()
	}
	j.mu.Unlock()
	if unread != nil {
		// Never a pass without the checks.
		t.Fatalf("racelab: the program builds, but the static checks could not read it: %v. Tell your instructor.", unread)
	}
	j.bin = bin
}

// buildRetried runs a build, and again after each of
// protocol.BuildFaultPauses while it fails through the go command's fault
// (protocol.BuildFault). It returns the last build's
// output and, if that failed through the go command's fault, why.
func buildRetried(build func() (string, error)) (output, fault string, err error) {
	pauses := append([]time.Duration{0}, protocol.BuildFaultPauses()...)
	for _, pause := range pauses {
		time.Sleep(pause)
		output, err = build()
		if err == nil {
			return output, "", nil
		}
		if output == "" {
			output = err.Error()
		}
		why, ok := protocol.BuildFault(output)
		if !ok {
			return output, "", err
		}
		fault = why
	}
	return output, fault, err
}

// goTool is the go command that runs this test: go test puts its GOROOT's
// bin first on the test's PATH.
func goTool() string {
	if p, err := exec.LookPath("go"); err == nil {
		return p
	}
	if root := os.Getenv("GOROOT"); root != "" {
		return filepath.Join(root, "bin", "go")
	}
	return "go"
}
