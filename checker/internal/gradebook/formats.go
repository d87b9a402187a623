package gradebook

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"
)

// ExercismResult is exercism's test-runner results.json, version 3
// (https://exercism.org/docs/building/tooling/test-runners/interface).
type ExercismResult struct {
	Version int            `json:"version"`
	Status  string         `json:"status"` // pass, fail or error
	Message string         `json:"message,omitempty"`
	Tests   []ExercismTest `json:"tests"`
}

// ExercismTest is one test of an exercism result: here, one lab.
type ExercismTest struct {
	Name     string `json:"name"`
	Status   string `json:"status"`
	Message  string `json:"message,omitempty"`
	Output   string `json:"output,omitempty"` // at most 500 characters, as the format requires
	TestCode string `json:"test_code"`
	TaskID   int    `json:"task_id"`
}

// exercismOutput is the format's limit on a test's output.
const exercismOutput = 500

// Exercism converts a submission to exercism's format.
func Exercism(s *Submission, labs []Lab, testCode map[string]string) ExercismResult {
	res := ExercismResult{Version: 3, Status: Pass, Tests: []ExercismTest{}}
	if s.Status == Error {
		res.Status, res.Message = Error, s.Error
	}
	for _, l := range labs {
		r, ok := s.Lab(l.Name)
		if !ok {
			continue
		}
		t := ExercismTest{Name: l.Name + ": " + l.Title, Status: r.Status, TestCode: testCode[l.Name], TaskID: l.Number}
		if r.Status != Pass {
			if res.Status == Pass {
				res.Status = Fail
			}
			t.Message = strings.Join(append([]string{r.Message}, r.Details...), "\n")
			t.Output = truncate(firstOutput(r), exercismOutput)
		}
		res.Tests = append(res.Tests, t)
	}
	return res
}

// firstOutput is the most telling raw output of a failed lab: the compiler's
// errors, or the first race report.
func firstOutput(r LabResult) string {
	if r.Build != "" {
		return r.Build
	}
	for _, run := range r.Runs {
		if run.Race != "" {
			return run.Race
		}
	}
	return ""
}

// truncate cuts s to at most n characters (runes), marking the cut.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	const mark = "\n[…]"
	r := []rune(s)
	return string(r[:n-utf8.RuneCountInString(mark)]) + mark
}

// ClassroomResult is the result shape of GitHub Classroom's autograding
// reporter.
type ClassroomResult struct {
	Version  int             `json:"version"`
	Status   string          `json:"status"`
	MaxScore int             `json:"max_score"`
	Tests    []ClassroomTest `json:"tests"`
}

// ClassroomTest is one lab in the Classroom shape.
type ClassroomTest struct {
	Name    string `json:"name"`
	Status  string `json:"status"`
	Score   int    `json:"score"`
	Message string `json:"message,omitempty"`
}

// Classroom converts a submission to the Classroom shape.
func Classroom(s *Submission, labs []Lab) ClassroomResult {
	res := ClassroomResult{Version: 1, Status: Pass, Tests: []ClassroomTest{}}
	if s.Status == Error {
		res.Status = Error
	}
	for _, l := range labs {
		res.MaxScore += l.Points
		r, ok := s.Lab(l.Name)
		if !ok {
			continue
		}
		t := ClassroomTest{Name: l.Name + ": " + l.Title, Status: r.Status, Score: r.Points}
		if r.Status != Pass {
			if res.Status == Pass {
				res.Status = Fail
			}
			t.Message = r.Message
		}
		res.Tests = append(res.Tests, t)
	}
	return res
}

func unmarshal(data []byte, v any) error { return json.Unmarshal(data, v) }

// Merge combines the gradebooks of shards (each an output folder of
// `checker grade --shard i/n`) into one, as an unsharded run would have
// written it, and copies each submission's own folder into out.
func Merge(out string, dirs []string) (*Gradebook, error) {
	var merged *Gradebook
	seen := map[string]string{}
	for _, dir := range dirs {
		g, err := Read(filepath.Join(dir, JSONFile))
		if err != nil {
			return nil, fmt.Errorf("shard %s: %w", dir, err)
		}
		if merged == nil {
			merged = &Gradebook{Version: Version, Runs: g.Runs, Sandbox: g.Sandbox, Labs: g.Labs}
		}
		if g.Runs != merged.Runs || g.Sandbox != merged.Sandbox || !slices.Equal(g.Labs, merged.Labs) {
			return nil, fmt.Errorf("shard %s was graded differently (labs, runs or sandbox) from %s: grade every shard with the same checker and flags", dir, dirs[0])
		}
		for _, s := range g.Submissions {
			if other, dup := seen[s.Name]; dup {
				return nil, fmt.Errorf("submission %s is in two shards (%s and %s): merge the outputs of one sharded run", s.Name, other, dir)
			}
			seen[s.Name] = dir
			merged.Submissions = append(merged.Submissions, s)
			if err := copyDir(filepath.Join(dir, s.Name), filepath.Join(out, s.Name)); err != nil {
				return nil, err
			}
		}
		// The shards ran side by side: the class took as long as the slowest.
		merged.ElapsedMS = max(merged.ElapsedMS, g.ElapsedMS)
	}
	if merged == nil {
		return nil, fmt.Errorf("no shard folders given")
	}
	merged.Sort()
	return merged, nil
}

// copyDir copies the regular files of a submission's output folder.
func copyDir(src, dst string) error {
	if filepath.Clean(src) == filepath.Clean(dst) {
		return nil
	}
	entries, err := os.ReadDir(src)
	if os.IsNotExist(err) {
		return nil // an error row may have no folder
	}
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return err
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			return err
		}
		if err := WriteFile(filepath.Join(dst, e.Name()), data); err != nil {
			return err
		}
	}
	return nil
}
