package gradebook

import "fmt"

// The GitHub Classroom autograding reporter's input
// (classroom-resources/autograding-grading-reporter, deprecated with GitHub
// Classroom itself): each runner's result, base64 in <RUNNER>_RESULTS, and
// the list of runners. The reporter does its own arithmetic, which racelab
// has to fit:
//
//   - its console gives a runner (passed tests / tests) × max_score, while
//     the notice GitHub Classroom records sums the tests' score: with one
//     runner per lab and one test per runner the two agree whatever the
//     labs' points;
//   - a runner without tests divides by zero (NaN/10): an errored
//     submission still has one test per lab, with status error;
//   - it prints "- line <line_no>" unless line_no is 0, so it is always
//     there.

// ClassroomRunner is one runner's result: one lab.
type ClassroomRunner struct {
	Version   int             `json:"version"`
	Status    string          `json:"status"` // pass, fail or error
	MaxScore  int             `json:"max_score"`
	Tests     []ClassroomTest `json:"tests"`
	Protected []string        `json:"protected_changed,omitempty"`
}

// ClassroomTest is the lab's single test.
type ClassroomTest struct {
	Name     string `json:"name"`
	Status   string `json:"status"`
	Score    int    `json:"score"`
	Message  string `json:"message,omitempty"`
	TestCode string `json:"test_code"`
	LineNo   int    `json:"line_no"`
}

// ClassroomRunnerID names a lab's runner: letters and digits only, as the
// reporter's runners input allows, in the labs' order when sorted.
func ClassroomRunnerID(l Lab) string { return fmt.Sprintf("lab%02d", l.Number) }

// Classroom converts a submission: a runner per lab, keyed by its id.
func Classroom(s *Submission, labs []Lab) map[string]ClassroomRunner {
	out := map[string]ClassroomRunner{}
	for _, l := range labs {
		t := ClassroomTest{
			Name:     l.Name + ": " + l.Title,
			Status:   Error,
			TestCode: fmt.Sprintf("make lab N=%d   (go test ./labs/%s)", l.Number, l.Name),
		}
		r, ok := s.Lab(l.Name)
		switch {
		case s.Status == Error:
			t.Message = "not graded: " + s.Error
		case !ok:
			continue
		default:
			t.Status, t.Score = r.Status, r.Points
			if r.Status != Pass {
				t.Message = feedback(r)
			}
		}
		protected := protectedFor(s, l.Name)
		if note := protectedNote(protected); note != "" {
			t.Message = join(t.Message, note)
		}
		out[ClassroomRunnerID(l)] = ClassroomRunner{Version: 1, Status: t.Status, MaxScore: l.Points, Tests: []ClassroomTest{t}, Protected: protected}
	}
	return out
}
