package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/racelab/racelab/checker/internal/gradebook"
)

// A testing lab (31-testing) is graded like any other: the student's test
// is the editable file, the implementation and its variants are the
// instructor's. Graded once (-runs 1): the verdicts are the judge's, which
// `checker verify 31` proves stable.
func TestGradeTestingLab(t *testing.T) {
	needTools(t)
	root := repoRoot(t)
	const (
		dir  = "labs/31-testing/session/"
		file = dir + "session_test.go"
	)
	reference := read(t, filepath.Join(root, "solutions/31-testing/session_test.go"))
	class := filepath.Join(t.TempDir(), "class")
	only := func(name, rel, content string) { put(t, filepath.Join(class, name), rel, content) }
	only("reference", file, reference)
	only("weak", file, read(t, filepath.Join(root, file)))
	only("alarm", file, read(t, filepath.Join(root, "solutions/31-testing/wrong/internal-field/session_test.go")))
	// The implementation and the variants are protected: a submission
	// that makes the buggy variant correct (the reference test would then
	// miss it) or breaks the implementation (no build) is graded against
	// the instructor's, and told so.
	only("tampered", file, reference)
	only("tampered", dir+"session.go", "package session\n")
	only("tampered", "labs/31-testing/testdata/variants/racy.go", read(t, filepath.Join(root, dir+"session.go")))
	only("tampered", dir+"helper_test.go", "package session\n")
	// The static checks read the student's test: testing, synctest and
	// goleak are allowed (the reference uses all three), os.Exit is not.
	exiter := strings.Replace(reference, "goleak.VerifyTestMain(m) }", "goleak.VerifyTestMain(m); os.Exit(0) }", 1)
	only("exiter", file, strings.Replace(exiter, "import (", "import (\n\t\"os\"", 1))

	out := filepath.Join(t.TempDir(), "grades")
	code, stdout, stderr := runChecker(t, nil, "grade", "-labs", "31", "-runs", "1", "-o", out, class)
	if code != 0 {
		t.Fatalf("grade: exit %d\n%s\n%s", code, stdout, stderr)
	}
	book, err := gradebook.Read(filepath.Join(out, gradebook.JSONFile))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		status, reason string
		feedback       []string // pieces of the message, details and the lists of files
	}{
		"reference": {"pass", "", nil},
		"weak":      {"fail", "missed", []string{"passes against a version with a bug", "against leaky", "against racy", "against stale", "Active reads the sessions without the lock"}},
		"alarm":     {"fail", "false-alarm", []string{"fails against a correct version", "against deadlines, which is correct"}},
		"tampered": {"pass", "", []string{"protected:labs/31-testing/session/session.go",
			"protected:labs/31-testing/testdata/variants/racy.go", "ignored:labs/31-testing/session/helper_test.go"}},
		"exiter": {"fail", "refused", []string{"os.Exit is not allowed", "session_test.go"}},
	}
	if len(book.Submissions) != len(want) {
		t.Errorf("%d rows, want %d", len(book.Submissions), len(want))
	}
	for _, s := range book.Submissions {
		w, ok := want[s.Name]
		if !ok {
			t.Errorf("unexpected submission %s", s.Name)
			continue
		}
		t.Run(s.Name, func(t *testing.T) {
			if s.Status != gradebook.Graded || len(s.Labs) != 1 {
				t.Fatalf("status %s (%s), %d labs", s.Status, s.Error, len(s.Labs))
			}
			r := s.Labs[0]
			if string(r.Status) != w.status || r.Reason != w.reason {
				t.Errorf("lab 31: %s (%s: %s), want %s (%s)\n%s", r.Status, r.Reason, r.Message, w.status, w.reason, strings.Join(r.Details, "\n"))
			}
			feedback := strings.Join(append([]string{r.Message}, r.Details...), "\n")
			for _, p := range s.Protected {
				feedback += "\nprotected:" + p
			}
			for _, p := range s.Ignored {
				feedback += "\nignored:" + p
			}
			for _, piece := range w.feedback {
				if !strings.Contains(feedback, piece) {
					t.Errorf("feedback lacks %q:\n%s", piece, feedback)
				}
			}
			// exercism's results.json carries the verdict and its words.
			var ex gradebook.ExercismResult
			if err := json.Unmarshal([]byte(read(t, filepath.Join(out, s.Name, gradebook.ExercismFile))), &ex); err != nil {
				t.Fatal(err)
			}
			if ex.Version != 3 || len(ex.Tests) != 1 || ex.Tests[0].Status != w.status || ex.Tests[0].TaskID != 31 {
				t.Fatalf("results.json: %+v", ex)
			}
			if w.status == "fail" && !strings.Contains(ex.Tests[0].Message, r.Message) {
				t.Errorf("results.json's message %q lacks the reason's words %q", ex.Tests[0].Message, r.Message)
			}
			// What the student's own test said when it failed a correct
			// version is the run's output.
			if w.reason == "false-alarm" && !strings.Contains(ex.Tests[0].Output, "session_test.go:") {
				t.Errorf("results.json's output lacks the failure the student's test reported:\n%s", ex.Tests[0].Output)
			}
			for _, piece := range w.feedback {
				if strings.HasPrefix(piece, "against ") && !strings.Contains(ex.Tests[0].Message, piece) {
					t.Errorf("results.json's message does not name the variant (%q):\n%s", piece, ex.Tests[0].Message)
				}
			}
		})
	}
}
