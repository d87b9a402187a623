package gradebook

import (
	"fmt"
	"math"
)

// PrairieLearn's external grader results
// (https://prairielearn.readthedocs.io/en/latest/externalGrading/): the
// score as a fraction, a message, and a test per lab for
// <pl-external-grader-results>. "You may add any additional data", so the
// changed protected files are listed too.

// PrairieLearnResult is /grade/results/results.json.
type PrairieLearnResult struct {
	Gradable     bool               `json:"gradable"`
	Score        *float64           `json:"score,omitempty"` // 0..1; absent when not gradable
	Message      string             `json:"message"`
	FormatErrors []string           `json:"format_errors,omitempty"`
	Tests        []PrairieLearnTest `json:"tests"`
	Protected    []string           `json:"protected_changed,omitempty"`
	Ignored      []string           `json:"ignored,omitempty"`
}

// PrairieLearnTest is one lab.
type PrairieLearnTest struct {
	Name        string  `json:"name"`
	Description string  `json:"description"`
	Points      float64 `json:"points"`
	MaxPoints   float64 `json:"max_points"`
	Message     string  `json:"message"`
	Output      string  `json:"output,omitempty"`
}

// prairieLearnOutput keeps the file under PrairieLearn's 1 MB limit
// whatever the number of labs.
const prairieLearnOutput = 20000

// PrairieLearn converts a submission. It is not gradable ("no points
// awarded or lost, and the student not penalized an attempt") when no lab's
// tests ran: the grader could not read or grade it, or nothing compiled,
// which is PrairieLearn's own example of an ungradable submission.
func PrairieLearn(s *Submission, labs []Lab) PrairieLearnResult {
	res := PrairieLearnResult{Gradable: true, Tests: []PrairieLearnTest{}, Protected: s.Protected, Ignored: s.Ignored}
	if s.Status == Error {
		res.Gradable = false
		res.Message = "This submission could not be graded: " + s.Error
		res.FormatErrors = []string{s.Error}
		return res
	}
	ran := 0
	var errs []string
	for _, l := range labs {
		r, ok := s.Lab(l.Name)
		if !ok {
			continue
		}
		t := PrairieLearnTest{Name: l.Name, Description: l.Title, Points: float64(r.Points), MaxPoints: float64(l.Points), Message: "passed"}
		if r.Status != Pass {
			t.Message = feedback(r)
		}
		if note := protectedNote(protectedFor(s, l.Name)); note != "" {
			t.Message = join(t.Message, note)
		}
		var printed string
		if r.Output != "" {
			printed = "What your program printed:\n" + r.Output
		}
		t.Output = truncate(join(firstRace(r), printed), prairieLearnOutput, "\n[… cut]")
		if errored(r) {
			errs = append(errs, l.Name+": "+feedback(r))
		} else {
			ran++
		}
		res.Tests = append(res.Tests, t)
	}
	if len(res.Tests) > 0 && ran == 0 {
		res.Gradable = false
		res.FormatErrors = errs
		res.Message = "Nothing could be run: see why below."
		return res
	}
	score := 0.0
	if s.Max > 0 {
		score = math.Round(float64(s.Score)/float64(s.Max)*10000) / 10000
	}
	res.Score = &score
	res.Message = join(scoreLine(s), protectedNote(s.Protected))
	return res
}

func scoreLine(s *Submission) string {
	passed := 0
	for _, r := range s.Labs {
		if r.Status == Pass {
			passed++
		}
	}
	return fmt.Sprintf("%d of %d labs passed: %d/%d points.", passed, len(s.Labs), s.Score, s.Max)
}
