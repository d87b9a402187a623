package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/racelab/racelab/checker/internal/grade"
	"github.com/racelab/racelab/checker/internal/gradebook"
)

// TestGradeKillResume kills a grading with SIGKILL once a submission is
// done, then resumes it: nothing finished is lost or graded again, and
// every submission is in the gradebook exactly once.
func TestGradeKillResume(t *testing.T) {
	needTools(t)
	root := repoRoot(t)
	bin := checkerBinary(t)
	solved := read(t, filepath.Join(root, "solutions/06-waitgroup/squares.go"))
	class := filepath.Join(t.TempDir(), "class")
	names := []string{"s1", "s2", "s3"}
	for i, n := range names {
		// Distinct files, so each is built and run (nothing shared).
		put(t, filepath.Join(class, n), lab06, solved+fmt.Sprintf("\n// student %d\n", i))
	}
	out := filepath.Join(t.TempDir(), "out")
	gradeCmd := func(extra ...string) *exec.Cmd {
		args := append([]string{"grade", "-labs", "6", "-runs", "1", "-j", "1", "-o", out}, extra...)
		cmd := exec.Command(bin, append(args, class)...)
		cmd.Dir = root
		return cmd
	}

	first := gradeCmd()
	var firstErr strings.Builder
	first.Stderr = &firstErr
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	done := map[string][]byte{}
	deadline := time.Now().Add(5 * time.Minute)
	for len(done) == 0 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
		for _, n := range names {
			if data, err := os.ReadFile(filepath.Join(out, n, gradebook.StateFile)); err == nil {
				done[n] = data
			}
		}
	}
	if err := first.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	first.Wait()
	if len(done) == 0 {
		t.Fatalf("no submission finished before the deadline:\n%s", firstErr.String())
	}
	// Re-read after the kill: a file written in between counts as done too.
	for _, n := range names {
		if data, err := os.ReadFile(filepath.Join(out, n, gradebook.StateFile)); err == nil {
			done[n] = data
		}
	}
	t.Logf("killed with %d of %d submissions done", len(done), len(names))
	if _, err := os.Stat(filepath.Join(out, gradebook.JSONFile)); err == nil && len(done) < len(names) {
		t.Errorf("a gradebook was written before the grading finished")
	}

	// The work folder, copies of student files among it, stays in the
	// output folder (not the system's temporary one) for the resume to
	// clear.
	if _, err := os.Stat(filepath.Join(out, grade.WorkDir)); err != nil {
		t.Errorf("after kill -9, the work folder is not in the output folder: %v", err)
	}
	second := gradeCmd("-resume")
	stderrOut, err := second.CombinedOutput()
	if err != nil {
		t.Fatalf("resume: %v\n%s", err, stderrOut)
	}
	for n, before := range done {
		after := read(t, filepath.Join(out, n, gradebook.StateFile))
		if after != string(before) {
			t.Errorf("%s was graded again after resuming", n)
		}
		if !strings.Contains(string(stderrOut), n+": 10/10 (100.0%) (from the earlier run)") {
			t.Errorf("resume did not report %s as taken from the earlier run:\n%s", n, stderrOut)
		}
	}
	book, err := gradebook.Read(filepath.Join(out, gradebook.JSONFile))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range book.Submissions {
		got = append(got, s.Name)
		if s.Status != gradebook.Graded || s.Score != s.Max {
			t.Errorf("%s: %s %d/%d", s.Name, s.Status, s.Score, s.Max)
		}
	}
	if strings.Join(got, " ") != strings.Join(names, " ") {
		t.Errorf("gradebook rows %v, want each of %v once", got, names)
	}
	if _, err := os.Stat(filepath.Join(out, grade.WorkDir)); !os.IsNotExist(err) {
		t.Errorf("the resumed grading left its work folder behind (%v)", err)
	}
	if rows := strings.Count(read(t, filepath.Join(out, gradebook.CSVFile)), "\n"); rows != len(names)+1 {
		t.Errorf("gradebook.csv has %d lines, want a header and %d rows", rows, len(names))
	}
}

// TestGradeNeedsBubblewrap: without bwrap the grader refuses, saying how
// to install it; --sandbox=none grades anyway and warns.
func TestGradeNeedsBubblewrap(t *testing.T) {
	class := t.TempDir()
	writeZip(t, filepath.Join(class, "bad.zip"), []member{{name: "../evil.go", content: "x"}})
	empty := t.TempDir()
	t.Setenv("PATH", empty)
	code, _, stderr := checkerInProcess(t, context.Background(), "grade", "-labs", "6", "-o", t.TempDir(), class)
	if code == 0 || !strings.Contains(stderr, "bubblewrap") || !strings.Contains(stderr, "apt-get install bubblewrap") || !strings.Contains(stderr, "--sandbox=none") {
		t.Errorf("exit %d, stderr:\n%s\nwant a refusal that says how to install bubblewrap", code, stderr)
	}
	t.Setenv("PATH", "/usr/bin:/bin")
	out := t.TempDir()
	code, stdout, stderr := checkerInProcess(t, context.Background(), "grade", "-labs", "6", "-sandbox", "none", "-o", out, class)
	if code != 0 {
		t.Fatalf("--sandbox=none: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if strings.Count(stderr, "WARNING: --sandbox=none") < 2 || !strings.Contains(stderr, "[UNSANDBOXED]") {
		t.Errorf("--sandbox=none must warn before, during and after grading:\n%s", stderr)
	}
	if !strings.Contains(read(t, filepath.Join(out, gradebook.HTMLFile)), "without a sandbox") {
		t.Errorf("the report does not say the class was graded without a sandbox")
	}
}
