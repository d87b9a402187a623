// Package gradebook holds a graded class and writes it out: a CSV for the
// spreadsheet or LMS, the full detail as JSON, JUnit XML for CI, a Markdown
// summary, a self-contained HTML report, and per submission a file in the
// shape each teaching platform reads: exercism's test-runner results.json,
// Gradescope's and PrairieLearn's results.json, Classroom 50's result.json
// and the GitHub Classroom reporter's runner results.
//
// Every writer is a pure function of the Gradebook, and everything that
// varies from one grading to the next apart from the verdicts (durations)
// sits in fields named *_ms, so a gradebook merged from shards is
// byte-identical to the one an unsharded run writes, apart from timings.
package gradebook

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"

	"github.com/racelab/racelab/checker/internal/explain"
)

// Version is the version of the gradebook.json format.
const Version = 1

// Statuses of a submission, a lab and a run.
const (
	Graded = "graded" // a submission read and graded (its labs may fail)
	Error  = "error"  // the grader could not grade it: not the student's verdict
	Pass   = "pass"
	Fail   = "fail"
)

// Gradebook is a graded class.
type Gradebook struct {
	Version     int          `json:"version"`
	Runs        int          `json:"runs"`    // runs of each lab per submission
	Sandbox     string       `json:"sandbox"` // "bubblewrap" or "none"
	Shard       string       `json:"shard,omitempty"`
	Labs        []Lab        `json:"labs"`
	Submissions []Submission `json:"submissions"` // sorted by name
	ElapsedMS   int64        `json:"elapsed_ms"`
}

// Lab is one lab of the course, as graded.
type Lab struct {
	Name   string `json:"name"` // e.g. "01-waitgroup"
	Number int    `json:"number"`
	Title  string `json:"title"`
	Points int    `json:"points"`
}

// Submission is one student's graded work.
type Submission struct {
	Name      string      `json:"name"`
	Source    string      `json:"source,omitempty"` // how it was read: "folder", "zip", "git HEAD 1a2b…"
	Status    string      `json:"status"`           // Graded or Error
	Error     string      `json:"error,omitempty"`
	Score     int         `json:"score"`
	Max       int         `json:"max"`
	Percent   float64     `json:"percent"`
	Labs      []LabResult `json:"labs,omitempty"`
	Protected []string    `json:"protected_changed,omitempty"` // protected files that differ from the instructor's (ignored)
	Ignored   []string    `json:"ignored,omitempty"`           // files added next to the lab's that the grader does not take
	Notes     []string    `json:"notes,omitempty"`
	ElapsedMS int64       `json:"elapsed_ms"`
	// StartedMS is when its grading started (Unix milliseconds): JUnit's
	// timestamp. Named *_ms, like every field that differs between two
	// gradings of the same verdicts.
	StartedMS int64 `json:"started_ms,omitempty"`
}

// LabResult is how one lab of a submission went.
type LabResult struct {
	Lab     string   `json:"lab"`
	Status  string   `json:"status"` // Pass, Fail or Error
	Points  int      `json:"points"`
	Max     int      `json:"max"`
	Reason  string   `json:"reason,omitempty"`  // a reason code: race, build, wrong-fix, flaky, ...
	Message string   `json:"message,omitempty"` // one sentence for the student
	Details []string `json:"details,omitempty"` // where it went wrong and what to look at
	Files   string   `json:"files"`             // "edited", "shipped" (unchanged) or "missing" (shipped used)
	Hash    string   `json:"hash"`              // of the editable files; equal hashes were built and run once
	Build   string   `json:"build_output,omitempty"`
	// Output is what the student's program itself printed in the first
	// failing run (its stdout, then its stderr without the race detector's
	// reports, the runtime's crash dumps and racelab's own lines): what
	// exercism calls a test's output.
	Output string `json:"output,omitempty"`
	Runs   []Run  `json:"runs,omitempty"`
	// TimeMS is this lab's own test time in this submission's grading:
	// its share of the grader's wall clock while its judge runs were in
	// progress (see Meter), 0 when the result was computed once for
	// another submission with the same files. JUnit's time.
	TimeMS int64 `json:"time_ms"`
	// Diagram draws the race, deadlock or leak of the first failed run,
	// for the report's feedback (nil for other failures).
	Diagram *explain.Diagram `json:"diagram,omitempty"`
}

// Run is one run of a lab's tests.
type Run struct {
	Status     string   `json:"status"` // Pass or Fail
	Reasons    []string `json:"reasons,omitempty"`
	Seed       string   `json:"seed"`              // RACELAB_SEED: replays the run's inputs
	Failed     []string `json:"failed,omitempty"`  // tests the stream reported failing
	Missing    []string `json:"missing,omitempty"` // expected tests never reported passing
	Race       string   `json:"race,omitempty"`    // the first race report
	DurationMS int64    `json:"duration_ms"`
}

// Percent is score out of max as a percentage with one decimal.
func Percent(score, max int) float64 {
	if max == 0 {
		return 0
	}
	return math.Round(float64(score)*1000/float64(max)) / 10
}

// Total fills in a submission's score, max and percent from its labs.
func (s *Submission) Total(labs []Lab) {
	s.Score, s.Max = 0, 0
	for _, l := range labs {
		s.Max += l.Points
	}
	for _, r := range s.Labs {
		s.Score += r.Points
	}
	s.Percent = Percent(s.Score, s.Max)
}

// Lab returns the submission's result for the named lab.
func (s *Submission) Lab(name string) (LabResult, bool) {
	for _, r := range s.Labs {
		if r.Lab == name {
			return r, true
		}
	}
	return LabResult{}, false
}

// Sort orders the submissions by name, the order of every output.
func (g *Gradebook) Sort() {
	sort.Slice(g.Submissions, func(i, j int) bool { return g.Submissions[i].Name < g.Submissions[j].Name })
}

// Read loads a gradebook.json.
func Read(path string) (*Gradebook, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var g Gradebook
	if err := json.Unmarshal(data, &g); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if g.Version != Version {
		return nil, fmt.Errorf("%s: gradebook version %d, this checker writes %d", path, g.Version, Version)
	}
	return &g, nil
}

// WriteFile writes data to path atomically: a reader (or a grader resumed
// after kill -9) sees the old file or the new one, never half of one.
func WriteFile(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// JSON is the indented JSON of v with a final newline. Text is written as
// is, not HTML-escaped: "<solution-dir>" reads as itself in every file.
func JSON(v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		panic(err) // only plain data types are marshalled
	}
	return buf.Bytes()
}
