package gradebook

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Classroom 50's result.json, schema classroom50/result/v1 (the contract
// in its wiki's Advanced Autograding page, and the runner's validate_result
// that enforces it): the runner reads ./result.json after the autograder
// exits, stamps owner, assignment_type, datetime and graded_at itself, and
// checks the rest against the submission it is grading.

// Classroom50Schema is the schema sentinel.
const Classroom50Schema = "classroom50/result/v1"

// Classroom50Context is the submission's identity, which only Classroom
// 50's runner knows: it hands it to the autograder in the environment.
type Classroom50Context struct {
	Classroom      string
	Assignment     string
	AssignmentType string // individual, group or team; the runner overwrites it
	Owner          string // the repository owner; the runner overwrites it
	Submission     string // the submit/… tag
	Commit         string
	Release        string
	Review         string
	Datetime       string // UTC, 2006-01-02T15:04:05Z; the runner overwrites it
}

// Classroom50FromEnv reads the identity from the variables Classroom 50's
// runner sets for an autograder. The runner rejects a result without
// them, so a missing one is an error now rather than a rejected result
// later.
func Classroom50FromEnv(getenv func(string) string, now time.Time) (Classroom50Context, error) {
	c := Classroom50Context{
		Classroom: getenv("CLASSROOM"), Assignment: getenv("ASSIGNMENT"),
		AssignmentType: getenv("ASSIGNMENT_TYPE"), Owner: getenv("OWNER"),
		Submission: getenv("SUBMISSION_TAG"), Commit: getenv("COMMIT_URL"),
		Release: getenv("RELEASE_URL"), Review: getenv("REVIEW_URL"),
		Datetime: now.UTC().Format("2006-01-02T15:04:05Z"),
	}
	if c.Owner == "" {
		c.Owner = getenv("USERNAME")
	}
	if c.Review == "" {
		c.Review = c.Commit // as the runner does when there is no baseline
	}
	var missing []string
	for _, v := range []struct{ name, value string }{
		{"CLASSROOM", c.Classroom}, {"ASSIGNMENT", c.Assignment}, {"SUBMISSION_TAG", c.Submission},
		{"COMMIT_URL", c.Commit}, {"RELEASE_URL", c.Release},
	} {
		if v.value == "" {
			missing = append(missing, v.name)
		}
	}
	if len(missing) > 0 {
		return c, fmt.Errorf("--classroom50: %s not set: Classroom 50's runner sets them for an autograder; run checker grade from its autograder.py (docs/platforms/classroom50/)", strings.Join(missing, ", "))
	}
	if !strings.HasPrefix(c.Submission, "submit/") {
		return c, errors.New("--classroom50: SUBMISSION_TAG must be a submit/… tag, as Classroom 50's runner sets it")
	}
	return c, nil
}

// Classroom50Result is result.json.
type Classroom50Result struct {
	Schema         string            `json:"schema"`
	Classroom      string            `json:"classroom"`
	Assignment     string            `json:"assignment"`
	AssignmentType string            `json:"assignment_type,omitempty"`
	Owner          string            `json:"owner,omitempty"`
	Submission     string            `json:"submission"`
	Commit         string            `json:"commit"`
	Release        string            `json:"release"`
	Review         string            `json:"review"`
	Datetime       string            `json:"datetime"`
	Score          int               `json:"score"`
	MaxScore       int               `json:"max-score"`
	Tests          []Classroom50Test `json:"tests"`
}

// Classroom50Test is one lab. Beyond the four fields the contract names,
// "extra diagnostic fields on a test are preserved verbatim": racelab's
// status, the reason in words, and the changed protected files.
type Classroom50Test struct {
	TestName  string   `json:"test-name"`
	Passed    bool     `json:"passed"`
	Score     int      `json:"score"`
	MaxScore  int      `json:"max-score"`
	Status    string   `json:"status"` // pass, fail or error (the grader's fault, not the student's)
	Reason    string   `json:"reason,omitempty"`
	Message   string   `json:"message,omitempty"`
	Protected []string `json:"protected_changed,omitempty"`
}

// Classroom50 converts a submission. A submission the grader could not
// read lists every lab at 0 with status error and the reason.
func Classroom50(s *Submission, labs []Lab, c Classroom50Context) Classroom50Result {
	res := Classroom50Result{
		Schema: Classroom50Schema, Classroom: c.Classroom, Assignment: c.Assignment,
		AssignmentType: c.AssignmentType, Owner: c.Owner, Submission: c.Submission,
		Commit: c.Commit, Release: c.Release, Review: c.Review, Datetime: c.Datetime,
		Tests: []Classroom50Test{},
	}
	for _, l := range labs {
		t := Classroom50Test{TestName: l.Name, MaxScore: l.Points, Protected: protectedFor(s, l.Name)}
		r, ok := s.Lab(l.Name)
		switch {
		case s.Status == Error:
			t.Status, t.Message = Error, "not graded: "+s.Error
		case !ok:
			continue
		default:
			t.Passed, t.Score, t.Status, t.Reason = r.Status == Pass, r.Points, r.Status, r.Reason
			if r.Status != Pass {
				t.Message = feedback(r)
			}
		}
		res.Score += t.Score
		res.MaxScore += t.MaxScore // the contract: the sums of the tests'
		res.Tests = append(res.Tests, t)
	}
	return res
}
