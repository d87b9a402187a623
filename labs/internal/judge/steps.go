package judge

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/racelab/racelab/checker/labvet"
	"github.com/racelab/racelab/checker/protocol"
)

// static runs the static checks of the student's files.
func (j *judge) static(t *testing.T) {
	l := j.lab
	findings, err := labvet.Check(l.ProgramDir(), l.Fix, l.Editable)
	if err != nil {
		// The compiler says it better: the build step reports it.
		t.Skipf("racelab: static checks skipped: %v", err)
	}
	j.mu.Lock()
	j.verdict.Static = findings
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

// build builds the program, race-enabled, into a folder of the test's.
func (j *judge) build(t *testing.T) {
	l := j.lab
	bin := filepath.Join(j.tmp, l.Program)
	if runtime.GOOS == "windows" {
		bin += ".exe" // Windows starts only files named so
	}
	args := append(append([]string{"build", "-o", bin}, protocol.BuildFlags()...), "./"+l.Program)
	cmd := exec.Command(goTool(), args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		text := strings.TrimSpace(out.String())
		if text == "" {
			text = err.Error()
		}
		j.mu.Lock()
		j.verdict.Build = text
		j.mu.Unlock()
		t.Fatalf("racelab: the program does not build:\n%s", text)
	}
	j.bin = bin
}

// goTool is the go command that runs this test.
func goTool() string {
	if p, err := exec.LookPath("go"); err == nil {
		return p
	}
	return filepath.Join(runtime.GOROOT(), "bin", "go")
}
