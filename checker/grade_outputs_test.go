package main

import (
	"encoding/xml"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/racelab/racelab/checker/internal/gradebook"
	"github.com/racelab/racelab/checker/internal/gradebook/platformspec"
)

// What TestGradeClass checks of the platforms' files: each submission's
// against its platform's published shape (checker/internal/gradebook/
// platformspec), the class's JUnit against both schemas, and every file
// for a path of the grader's.

// classroom50Env is the identity Classroom 50's runner would hand the
// autograder; the class is graded with --classroom50 under it.
var classroom50Env = []string{
	"CLASSROOM=racelab-test", "ASSIGNMENT=concurrency", "ASSIGNMENT_TYPE=individual", "USERNAME=student",
	"SUBMISSION_TAG=submit/2026-11-30T09-15-00Z-1a2b3c4", "COMMIT_URL=https://example.org/c/1a2b3c4",
	"RELEASE_URL=https://example.org/r/submit%2F1", "REVIEW_URL=https://example.org/compare/0...1a2b3c4",
}

// checkPlatformFiles checks one graded submission's per-platform files.
func checkPlatformFiles(t *testing.T, out string, s gradebook.Submission, w expectation) {
	t.Helper()
	dir := filepath.Join(out, s.Name)
	files := map[string][]byte{}
	for _, f := range []string{gradebook.ExercismFile, gradebook.GradescopeFile, gradebook.PrairieLearnFile, gradebook.Classroom50File, gradebook.ClassroomFile} {
		data, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Errorf("no %s: %v", f, err)
			continue
		}
		files[f] = data
	}
	for name, err := range map[string]error{
		gradebook.ExercismFile:     platformspec.Exercism(files[gradebook.ExercismFile], 3),
		gradebook.GradescopeFile:   platformspec.Gradescope(files[gradebook.GradescopeFile]),
		gradebook.PrairieLearnFile: platformspec.PrairieLearn(files[gradebook.PrairieLearnFile]),
		gradebook.Classroom50File: platformspec.Classroom50(files[gradebook.Classroom50File],
			platformspec.Classroom50Identity{Classroom: "racelab-test", Assignment: "concurrency"}),
	} {
		if err != nil {
			t.Errorf("%s breaks its platform's spec:\n%v", name, err)
		}
	}
	rep, err := platformspec.RunReporter(files[gradebook.ClassroomFile])
	if err == nil {
		err = rep.Agree(files[gradebook.ClassroomFile])
	}
	if err != nil {
		t.Errorf("the GitHub Classroom reporter on classroom.json: %v", err)
	}
	for name, data := range files {
		for _, p := range s.Protected {
			if !strings.Contains(string(data), p) {
				t.Errorf("%s does not say that the protected %s was changed", name, p)
			}
		}
	}
	ex := string(files[gradebook.ExercismFile])
	switch {
	case w.status == "error":
		if !strings.Contains(ex, `"status": "error"`) || !strings.Contains(ex, w.error) {
			t.Errorf("results.json of an unreadable submission: want status error about %q:\n%s", w.error, ex)
		}
	case w.reason == "build":
		// One lab graded, and it did not compile: status error, with the
		// compiler's message and the file's path in the submission.
		if !strings.Contains(ex, `"status": "error"`) || !strings.Contains(ex, "<solution-dir>/labs/") || !strings.Contains(ex, "declared and not used") {
			t.Errorf("results.json of a compile error: want status error with the compiler's message:\n%s", ex)
		}
	}
}

// checkClassOutputs checks the class-wide files of an output folder: the
// JUnit against both schemas, and its times against the grading's.
func checkClassOutputs(t *testing.T, out string) {
	t.Helper()
	err := platformspec.JUnit(filepath.Join(out, gradebook.JUnitFile))
	switch {
	case errors.Is(err, platformspec.ErrNoValidator):
		if os.Getenv("CI") != "" {
			t.Fatal("xmllint is missing in CI: .ci/run must install libxml2-utils")
		}
		t.Log(err, ": junit.xml not validated")
	case err != nil:
		t.Errorf("%s:\n%v", filepath.Join(out, gradebook.JUnitFile), err)
	}
	var doc struct {
		Suites []struct {
			Name  string `xml:"name,attr"`
			Time  string `xml:"time,attr"`
			Cases []struct {
				Time string `xml:"time,attr"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	data, err := os.ReadFile(filepath.Join(out, gradebook.JUnitFile))
	if err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	book, err := gradebook.Read(filepath.Join(out, gradebook.JSONFile))
	if err != nil {
		t.Fatal(err)
	}
	sum := 0.0
	for _, s := range doc.Suites {
		suite, _ := strconv.ParseFloat(s.Time, 64)
		cases := 0.0
		for _, c := range s.Cases {
			f, _ := strconv.ParseFloat(c.Time, 64)
			cases += f
		}
		if diff := suite - cases; diff > 0.0015 || diff < -0.0015 {
			t.Errorf("suite %s: time %v, its cases add up to %.3f", s.Name, suite, cases)
		}
		sum += suite
	}
	if elapsed := float64(book.ElapsedMS) / 1000; sum > elapsed {
		t.Errorf("%s: the suites add up to %.3f s, more than the %.3f s the grading took", out, sum, elapsed)
	}
}
