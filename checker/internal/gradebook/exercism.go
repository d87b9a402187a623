package gradebook

import "strings"

// exercism's test-runner interface, version 3
// (https://exercism.org/docs/building/tooling/test-runners/interface): a
// test per lab, linked to its task by the lab's number.

// ExercismResult is a results.json.
type ExercismResult struct {
	Version int            `json:"version"`
	Status  string         `json:"status"`            // pass, fail or error
	Message string         `json:"message,omitempty"` // only with status error
	Tests   []ExercismTest `json:"tests"`
}

// ExercismTest is one test: here, one lab.
type ExercismTest struct {
	Name     string `json:"name"`
	Status   string `json:"status"` // pass, fail or error
	Message  string `json:"message,omitempty"`
	Output   string `json:"output,omitempty"` // the student's own prints, at most 500 characters
	TestCode string `json:"test_code"`
	TaskID   int    `json:"task_id"`
}

// The interface's limits: a test's output, with the message it names for
// a cut, and the top-level message, "limited to 65535 characters; if the
// value contains multi-byte characters, the effective maximum length is
// smaller", so counted in bytes.
const (
	exercismOutput    = 500
	exercismTruncated = "Output was truncated. Please limit to 500 chars"
	exercismMessage   = 65535
)

// Exercism converts a submission. Its status is error when no lab's tests
// ran (the submission could not be read, or no lab compiled, or the grader
// could not grade any): the message then says why, the compiler's own
// words for a compile error. A lab whose program did not compile, or that
// the grader could not grade, is a test with status error.
func Exercism(s *Submission, labs []Lab, testCode map[string]string) ExercismResult {
	res := ExercismResult{Version: 3, Status: Pass, Tests: []ExercismTest{}}
	if s.Status == Error {
		res.Status = Error
		res.Message = truncateBytes(join(s.Error, protectedNote(s.Protected)), exercismMessage, "\n[…]")
		return res
	}
	var errs []string
	ran := 0
	for _, l := range labs {
		r, ok := s.Lab(l.Name)
		if !ok {
			continue
		}
		t := ExercismTest{Name: l.Name + ": " + l.Title, Status: r.Status, TestCode: testCode[l.Name], TaskID: l.Number}
		note := protectedNote(protectedFor(s, l.Name))
		switch {
		case errored(r):
			t.Status = Error
			errs = append(errs, l.Name+": "+solutionPaths(feedback(r)))
		case r.Status != Pass:
			t.Status = Fail
		}
		if t.Status != Error {
			ran++
		}
		if t.Status != Pass {
			if res.Status == Pass {
				res.Status = Fail
			}
			t.Message = join(solutionPaths(feedback(r)), note)
		} else {
			t.Message = note
		}
		t.Output = truncate(r.Output, exercismOutput, "\n"+exercismTruncated)
		res.Tests = append(res.Tests, t)
	}
	if len(res.Tests) > 0 && ran == 0 {
		res.Status = Error
		res.Message = truncateBytes(join(strings.Join(errs, "\n\n"), protectedNote(s.Protected)), exercismMessage, "\n[…]")
	}
	return res
}
