package gradebook

import (
	"fmt"
	"strconv"
)

// Gradescope's autograder results.json
// (https://gradescope-autograders.readthedocs.io/en/latest/specs/): a test
// per lab with its score, maximum, status and output; the submission's
// score; what racelab knows beyond the score in extra_data.

// GradescopeResult is /autograder/results/results.json.
type GradescopeResult struct {
	Score     float64          `json:"score"`
	Output    string           `json:"output,omitempty"` // shown above the tests
	ExtraData GradescopeExtra  `json:"extra_data"`
	Tests     []GradescopeTest `json:"tests"`
}

// GradescopeExtra is stored with the result, for the instructor.
type GradescopeExtra struct {
	Status    string   `json:"status"` // graded or error (the grader could not grade it)
	Error     string   `json:"error,omitempty"`
	Protected []string `json:"protected_changed,omitempty"`
	Ignored   []string `json:"ignored,omitempty"`
	Notes     []string `json:"notes,omitempty"`
}

// GradescopeTest is one lab.
type GradescopeTest struct {
	Score      float64             `json:"score"`
	MaxScore   float64             `json:"max_score"`
	Status     string              `json:"status"` // passed or failed
	Name       string              `json:"name"`
	Number     string              `json:"number"`
	Output     string              `json:"output,omitempty"`
	Tags       []string            `json:"tags,omitempty"`
	Visibility string              `json:"visibility"`
	ExtraData  GradescopeTestExtra `json:"extra_data"`
}

// GradescopeTestExtra is a lab's verdict as racelab names it.
type GradescopeTestExtra struct {
	Status string `json:"status"` // pass, fail or error
	Reason string `json:"reason,omitempty"`
	Files  string `json:"files,omitempty"`
}

// gradescopeOutput bounds a test's output: Gradescope shows it in a <pre>
// block, and a race report plus a program's prints fit well within it.
const gradescopeOutput = 20000

// Gradescope converts a submission. A submission the grader could not read
// still lists every lab (at 0, saying why), so the student sees the
// assignment's full score and the reason, which is never theirs.
func Gradescope(s *Submission, labs []Lab) GradescopeResult {
	res := GradescopeResult{
		Score:     float64(s.Score),
		ExtraData: GradescopeExtra{Status: s.Status, Error: s.Error, Protected: s.Protected, Ignored: s.Ignored, Notes: s.Notes},
		Tests:     []GradescopeTest{},
	}
	if s.Status == Error {
		res.Score = 0
		res.Output = "This submission could not be graded: " + s.Error + "\nThis is not a verdict on your work; your instructor can regrade it."
	}
	res.Output = join(res.Output, protectedNote(s.Protected))
	for _, l := range labs {
		t := GradescopeTest{
			MaxScore: float64(l.Points), Status: "failed", Name: l.Name + ": " + l.Title,
			Number: strconv.Itoa(l.Number), Visibility: "visible",
		}
		r, ok := s.Lab(l.Name)
		switch {
		case s.Status == Error:
			t.Output = "not graded: " + s.Error
			t.ExtraData = GradescopeTestExtra{Status: Error}
		case !ok:
			continue
		default:
			t.Score = float64(r.Points)
			if r.Status == Pass {
				t.Status = "passed"
			}
			t.ExtraData = GradescopeTestExtra{Status: r.Status, Reason: r.Reason, Files: r.Files}
			if r.Reason != "" {
				t.Tags = []string{r.Reason}
			}
			var printed string
			if r.Output != "" {
				printed = "What your program printed:\n" + r.Output
			}
			t.Output = truncate(join(feedback(r), firstRace(r), printed, protectedNote(protectedFor(s, l.Name))), gradescopeOutput, "\n[… cut]")
		}
		res.Tests = append(res.Tests, t)
	}
	if len(res.Tests) == 0 && s.Status != Error {
		res.Output = join(res.Output, fmt.Sprintf("No lab was graded (%d/%d).", s.Score, s.Max))
	}
	return res
}
