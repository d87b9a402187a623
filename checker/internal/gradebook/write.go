package gradebook

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Class-wide output files, written into the output folder.
const (
	CSVFile     = "gradebook.csv"
	JSONFile    = "gradebook.json"
	JUnitFile   = "junit.xml"
	SummaryFile = "summary.md"
	HTMLFile    = "report.html"
)

// Per-submission output files, written into OUT/NAME/: one per platform,
// each named after it (the platforms' own names clash: exercism,
// Gradescope and PrairieLearn all read a results.json). The platform
// scripts in docs/platforms copy the right one into place.
const (
	StateFile        = "grade.json"        // the full result; written last, so its presence means done
	ExercismFile     = "results.json"      // exercism test-runner interface, version 3
	GradescopeFile   = "gradescope.json"   // Gradescope autograder results.json
	PrairieLearnFile = "prairielearn.json" // PrairieLearn external grader results.json
	Classroom50File  = "classroom50.json"  // Classroom 50 result.json, with --classroom50
	ClassroomFile    = "classroom.json"    // GitHub Classroom reporter: a runner per lab
)

// SubmissionOptions are what the per-submission files need beyond the
// result: the labs' test code (exercism's test_code) and the submission's
// Classroom 50 identity (nil: no Classroom 50 file).
type SubmissionOptions struct {
	TestCode    map[string]string
	Classroom50 *Classroom50Context
}

// WriteAll writes the class-wide files into dir.
func WriteAll(dir string, g *Gradebook) error {
	g.Sort()
	html, err := HTML(g)
	if err != nil {
		return err
	}
	for name, data := range map[string][]byte{
		CSVFile:     CSV(g),
		JSONFile:    JSON(g),
		JUnitFile:   JUnit(g),
		SummaryFile: Summary(g),
		HTMLFile:    html,
	} {
		if err := WriteFile(filepath.Join(dir, name), data); err != nil {
			return err
		}
	}
	return nil
}

// CSV is one row per submission: a column per lab (points earned), the
// total, and last the changed protected files, for a spreadsheet or an LMS
// import.
func CSV(g *Gradebook) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	header := []string{"submission", "status"}
	for _, l := range g.Labs {
		header = append(header, l.Name)
	}
	w.Write(append(header, "total", "max", "percent", "error", "protected_changed"))
	for _, s := range g.Submissions {
		row := []string{s.Name, s.Status}
		for _, l := range g.Labs {
			cell := ""
			if r, ok := s.Lab(l.Name); ok && s.Status == Graded {
				cell = strconv.Itoa(r.Points)
			}
			row = append(row, cell)
		}
		total, max, pct := "", strconv.Itoa(maxScore(g)), ""
		if s.Status == Graded {
			total, pct = strconv.Itoa(s.Score), strconv.FormatFloat(s.Percent, 'f', 1, 64)
		}
		// The protected files it changed, ";"-separated: ignored by the
		// grade, but the instructor's to know.
		w.Write(append(row, total, max, pct, s.Error, strings.Join(s.Protected, ";")))
	}
	w.Flush()
	return buf.Bytes()
}

func maxScore(g *Gradebook) int {
	n := 0
	for _, l := range g.Labs {
		n += l.Points
	}
	return n
}

// LabStats is how a class did on one lab.
type LabStats struct {
	Lab     Lab
	Passed  int
	Graded  int // submissions graded (error rows excluded)
	Reasons map[string]int
}

// Rate is the pass rate in percent.
func (s LabStats) Rate() float64 { return Percent(s.Passed, s.Graded) }

// Stats returns the per-lab statistics of the class.
func Stats(g *Gradebook) []LabStats {
	out := make([]LabStats, len(g.Labs))
	for i, l := range g.Labs {
		out[i] = LabStats{Lab: l, Reasons: map[string]int{}}
		for _, s := range g.Submissions {
			if s.Status != Graded {
				continue
			}
			out[i].Graded++
			if r, ok := s.Lab(l.Name); ok {
				if r.Status == Pass {
					out[i].Passed++
				} else {
					out[i].Reasons[r.Reason]++
				}
			}
		}
	}
	return out
}

// Summary is a Markdown overview: the class per lab, then each student.
func Summary(g *Gradebook) []byte {
	var b bytes.Buffer
	graded, errors, sum := 0, 0, 0.0
	for _, s := range g.Submissions {
		if s.Status == Graded {
			graded++
			sum += s.Percent
		} else {
			errors++
		}
	}
	fmt.Fprintf(&b, "# racelab gradebook\n\n%d submissions: %d graded, %d could not be graded. ", len(g.Submissions), graded, errors)
	if graded > 0 {
		fmt.Fprintf(&b, "Mean score %.1f%%. ", sum/float64(graded))
	}
	fmt.Fprintf(&b, "Each lab run %d times; sandbox: %s.\n\n## Labs\n\n| lab | points | passed | pass rate | most common failure |\n| --- | ---: | ---: | ---: | --- |\n", g.Runs, g.Sandbox)
	for _, st := range Stats(g) {
		fmt.Fprintf(&b, "| %s %s | %d | %d/%d | %.1f%% | %s |\n", st.Lab.Name, md(st.Lab.Title), st.Lab.Points, st.Passed, st.Graded, st.Rate(), commonest(st.Reasons))
	}
	fmt.Fprintf(&b, "\n## Submissions\n\n| submission | score | %% | labs failed |\n| --- | ---: | ---: | --- |\n")
	for _, s := range g.Submissions {
		if s.Status != Graded {
			fmt.Fprintf(&b, "| %s | - | - | error: %s |\n", md(s.Name), md(s.Error))
			continue
		}
		var failed []string
		for _, r := range s.Labs {
			if r.Status != Pass {
				failed = append(failed, fmt.Sprintf("%s (%s)", r.Lab, r.Reason))
			}
		}
		fmt.Fprintf(&b, "| %s | %d/%d | %.1f | %s |\n", md(s.Name), s.Score, s.Max, s.Percent, md(strings.Join(failed, ", ")))
	}
	return b.Bytes()
}

// commonest names the most frequent failure reason ("race (12)").
func commonest(reasons map[string]int) string {
	best, n := "", 0
	for r, c := range reasons {
		if c > n || (c == n && r < best) {
			best, n = r, c
		}
	}
	if n == 0 {
		return "-"
	}
	return fmt.Sprintf("%s (%d)", best, n)
}

// md keeps student-controlled text from breaking a Markdown table.
func md(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ", "\r", " ").Replace(s)
}

// WriteSubmission writes a submission's own files into dir/NAME/: one
// per platform, then the state file that marks the submission as done.
func WriteSubmission(dir string, s *Submission, labs []Lab, opts SubmissionOptions) error {
	sub := filepath.Join(dir, s.Name)
	if err := os.MkdirAll(sub, 0o755); err != nil {
		return fmt.Errorf("creating the submission's output folder: %w", err)
	}
	files := []struct {
		name string
		v    any
	}{
		{ExercismFile, Exercism(s, labs, opts.TestCode)},
		{GradescopeFile, Gradescope(s, labs)},
		{PrairieLearnFile, PrairieLearn(s, labs)},
		{ClassroomFile, Classroom(s, labs)},
	}
	if opts.Classroom50 != nil {
		files = append(files, struct {
			name string
			v    any
		}{Classroom50File, Classroom50(s, labs, *opts.Classroom50)})
	}
	for _, f := range files {
		if err := WriteFile(filepath.Join(sub, f.name), JSON(f.v)); err != nil {
			return err
		}
	}
	return WriteFile(filepath.Join(sub, StateFile), JSON(s))
}

// ReadSubmission reads the state file of a finished submission.
func ReadSubmission(dir, name string) (*Submission, error) {
	data, err := os.ReadFile(filepath.Join(dir, name, StateFile))
	if err != nil {
		return nil, err
	}
	var s Submission
	if err := unmarshal(data, &s); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(dir, name, StateFile), err)
	}
	if s.Name != name {
		return nil, fmt.Errorf("%s holds the result of %q", filepath.Join(dir, name, StateFile), s.Name)
	}
	return &s, nil
}
