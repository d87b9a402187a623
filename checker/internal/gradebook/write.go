package gradebook

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
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

// Per-submission output files, written into OUT/NAME/.
const (
	StateFile     = "grade.json"     // the full result; written last, so its presence means done
	ExercismFile  = "results.json"   // exercism test-runner format, version 3
	ClassroomFile = "classroom.json" // GitHub Classroom autograding result
)

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

// CSV is one row per submission: a column per lab (points earned) and the
// total, for a spreadsheet or an LMS import.
func CSV(g *Gradebook) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	header := []string{"submission", "status"}
	for _, l := range g.Labs {
		header = append(header, l.Name)
	}
	w.Write(append(header, "total", "max", "percent", "error"))
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
		w.Write(append(row, total, max, pct, s.Error))
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

// JUnit is a test suite per submission and a test case per lab, so CI
// systems show a class's results like a test run's.
func JUnit(g *Gradebook) []byte {
	type failure struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr"`
		Text    string `xml:",chardata"`
	}
	type testcase struct {
		Name      string   `xml:"name,attr"`
		Classname string   `xml:"classname,attr"`
		Time      string   `xml:"time,attr"`
		Failure   *failure `xml:"failure,omitempty"`
		Error     *failure `xml:"error,omitempty"`
	}
	type suite struct {
		Name     string     `xml:"name,attr"`
		Tests    int        `xml:"tests,attr"`
		Failures int        `xml:"failures,attr"`
		Errors   int        `xml:"errors,attr"`
		Time     string     `xml:"time,attr"`
		Cases    []testcase `xml:"testcase"`
	}
	type suites struct {
		XMLName  xml.Name `xml:"testsuites"`
		Name     string   `xml:"name,attr"`
		Tests    int      `xml:"tests,attr"`
		Failures int      `xml:"failures,attr"`
		Errors   int      `xml:"errors,attr"`
		Time     string   `xml:"time,attr"`
		Suites   []suite  `xml:"testsuite"`
	}
	secs := func(ms int64) string { return strconv.FormatFloat(float64(ms)/1000, 'f', 3, 64) }
	all := suites{Name: "racelab", Time: secs(g.ElapsedMS)}
	for _, s := range g.Submissions {
		su := suite{Name: s.Name, Time: secs(s.ElapsedMS)}
		if s.Status == Error {
			su.Cases = append(su.Cases, testcase{Name: "grading", Classname: s.Name, Time: secs(0),
				Error: &failure{Message: s.Error, Type: "error", Text: s.Error}})
			su.Errors++
		}
		for _, r := range s.Labs {
			var ms int64
			for _, run := range r.Runs {
				ms += run.DurationMS
			}
			tc := testcase{Name: r.Lab, Classname: s.Name, Time: secs(ms)}
			text := strings.Join(append([]string{r.Message}, r.Details...), "\n")
			switch r.Status {
			case Fail:
				tc.Failure = &failure{Message: r.Message, Type: r.Reason, Text: text}
				su.Failures++
			case Error:
				tc.Error = &failure{Message: r.Message, Type: "error", Text: text}
				su.Errors++
			}
			su.Cases = append(su.Cases, tc)
		}
		su.Tests = len(su.Cases)
		all.Tests += su.Tests
		all.Failures += su.Failures
		all.Errors += su.Errors
		all.Suites = append(all.Suites, su)
	}
	data, err := xml.MarshalIndent(all, "", "  ")
	if err != nil {
		panic(err)
	}
	return append(append([]byte(xml.Header), data...), '\n')
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

// WriteSubmission writes a submission's own files into dir/NAME/: the
// exercism results.json, the Classroom result when asked, and last the
// state file that marks the submission as done. testCode gives, per lab,
// the test code shown in exercism's results.
func WriteSubmission(dir string, s *Submission, labs []Lab, testCode map[string]string, classroom bool) error {
	sub := filepath.Join(dir, s.Name)
	if err := os.MkdirAll(sub, 0o755); err != nil {
		return err
	}
	if err := WriteFile(filepath.Join(sub, ExercismFile), JSON(Exercism(s, labs, testCode))); err != nil {
		return err
	}
	if classroom {
		if err := WriteFile(filepath.Join(sub, ClassroomFile), JSON(Classroom(s, labs))); err != nil {
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
