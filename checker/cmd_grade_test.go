package main

import (
	"bytes"
	"context"
	"flag"
	"strings"
	"testing"

	"github.com/racelab/racelab/checker/internal/grade"
	"github.com/racelab/racelab/checker/internal/gradebook"
)

func TestParseInterleaved(t *testing.T) {
	for _, tc := range []struct {
		args  []string
		paths string
		out   string
	}{
		{[]string{"-o", "x", "a", "b"}, "a b", "x"},
		{[]string{"a", "-o", "x", "b"}, "a b", "x"},
		{[]string{"a", "b", "-o", "x"}, "a b", "x"},
		{[]string{"a"}, "a", "grades"},
	} {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		out := fs.String("o", "grades", "")
		paths, err := parseInterleaved(fs, tc.args)
		if err != nil || strings.Join(paths, " ") != tc.paths || *out != tc.out {
			t.Errorf("%v: paths %v out %s err %v", tc.args, paths, *out, err)
		}
	}
}

func TestProgress(t *testing.T) {
	alice := &gradebook.Submission{Name: "alice", Status: gradebook.Graded, Score: 10, Max: 20, Percent: 50}
	bob := &gradebook.Submission{Name: "bob", Status: gradebook.Error, Error: "unsafe archive entry"}
	for _, tc := range []struct {
		mode   string
		unsafe bool
		want   []string
	}{
		{"plain", false, []string{"grade: [1/3] alice: 10/20 (50.0%)\n", "grade: [2/3] bob: error: unsafe archive entry\n"}},
		{"plain", true, []string{"[UNSANDBOXED]"}},
		{"bar", false, []string{"\r\x1b[K[" + strings.Repeat("█", 10) + strings.Repeat("░", 20) + "] 1/3 · 0 errors · ETA ", "2/3 · 1 errors", "bob: error"}},
		{"auto", false, []string{"grade: [1/3]"}}, // a buffer is not a terminal
	} {
		var buf bytes.Buffer
		p := newProgress(&buf, tc.mode, tc.unsafe)
		p.update(grade.Progress{Done: 1, Total: 3, Submission: alice})
		p.update(grade.Progress{Done: 2, Total: 3, Submission: bob})
		p.finish()
		for _, w := range tc.want {
			if !strings.Contains(buf.String(), w) {
				t.Errorf("%s: output %q lacks %q", tc.mode, buf.String(), w)
			}
		}
	}
}

func TestPrintGradedSelfCheck(t *testing.T) {
	book := &gradebook.Gradebook{ElapsedMS: 2000, Submissions: []gradebook.Submission{{
		Name: "racelab", Status: gradebook.Graded, Score: 0, Max: 10,
		Notes:     []string{"labs/01-waitgroup/squares.go has changes that are not committed: they were not graded (commit them)"},
		Protected: []string{"labs/01-waitgroup/lab_test.go"},
		Labs:      []gradebook.LabResult{{Lab: "01-waitgroup", Status: gradebook.Fail, Reason: "race", Max: 10, Message: "the race detector saw …"}},
	}}}
	var buf bytes.Buffer
	printGraded(&buf, book, "grades")
	for _, want := range []string{"01-waitgroup  ✗ race  0/10  the race detector saw …", "not committed", "lab_test.go differs from the instructor's copy", "racelab: 0/10 (0.0%)", "graded 1 submissions"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("self-check output lacks %q:\n%s", want, buf.String())
		}
	}
}

// TestGradeClassroom50NeedsTheRunnersIdentity: --classroom50 refuses to
// grade without the identity Classroom 50's runner sets, which its result
// must carry, rather than write a result the runner would reject.
func TestGradeClassroom50NeedsTheRunnersIdentity(t *testing.T) {
	var out, errb bytes.Buffer
	e := &env{stdout: &out, stderr: &errb, stdin: strings.NewReader(""), getenv: func(string) string { return "" }, root: repoRoot(t)}
	code := runMain(context.Background(), e, []string{"grade", "--classroom50", t.TempDir()})
	if code == 0 || !strings.Contains(errb.String(), "CLASSROOM, ASSIGNMENT, SUBMISSION_TAG, COMMIT_URL, RELEASE_URL not set") {
		t.Errorf("exit %d\n%s", code, errb.String())
	}
}
