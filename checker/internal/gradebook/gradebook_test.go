package gradebook

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// class is a small graded class: a pass, a race, a flaky fix, an error row,
// and a name that tries to inject markup.
func class() *Gradebook {
	labs := []Lab{{Name: "01-waitgroup", Number: 1, Title: "Wait for your goroutines", Points: 10}, {Name: "02-mutex", Number: 2, Title: "Guard the balance", Points: 20}}
	pass := func(lab string, pts int) LabResult {
		return LabResult{Lab: lab, Status: Pass, Points: pts, Max: pts, Files: "edited", Hash: "h", Runs: []Run{{Status: Pass, Seed: "1", DurationMS: 800}}}
	}
	race := LabResult{Lab: "01-waitgroup", Status: Fail, Max: 10, Reason: "race", Message: "the race detector saw two goroutines touch the same memory",
		Details: []string{"squares.go:21: written here", "squares.go:28: read here"}, Files: "shipped", Hash: "s",
		Runs: []Run{{Status: Fail, Reasons: []string{"race"}, Seed: "2", Race: "WARNING: DATA RACE\nWrite at 0x00c by goroutine 7:\n  main.main.func1()\n      squares.go:21", DurationMS: 900}}}
	flaky := LabResult{Lab: "02-mutex", Status: Fail, Max: 20, Reason: "flaky", Message: "flaky fix: race seen in 1 of 3 runs", Files: "edited", Hash: "f"}
	subs := []Submission{
		{Name: "carol", Status: Graded, Source: "zip", Labs: []LabResult{pass("01-waitgroup", 10), flaky}},
		{Name: "alice", Status: Graded, Source: "folder", Labs: []LabResult{pass("01-waitgroup", 10), pass("02-mutex", 20)}, ElapsedMS: 1234},
		{Name: "bob", Status: Graded, Source: "git HEAD 1234", Labs: []LabResult{race, pass("02-mutex", 20)}, Protected: []string{"labs/01-waitgroup/lab_test.go"}},
		{Name: "dave", Status: Error, Error: `unsafe archive entry "../../evil": .. leaves the archive`},
		{Name: "eve<script>alert(1)</script>", Status: Graded, Labs: []LabResult{race, flaky}, Notes: []string{"<b>bold</b>"}},
	}
	for i := range subs {
		if subs[i].Status == Graded {
			subs[i].Total(labs)
		}
	}
	g := &Gradebook{Version: Version, Runs: 3, Sandbox: "bubblewrap", Labs: labs, Submissions: subs, ElapsedMS: 5000}
	g.Sort()
	return g
}

func TestCSV(t *testing.T) {
	got := string(CSV(class()))
	want := `submission,status,01-waitgroup,02-mutex,total,max,percent,error,protected_changed
alice,graded,10,20,30,30,100.0,,
bob,graded,0,20,20,30,66.7,,labs/01-waitgroup/lab_test.go
carol,graded,10,0,10,30,33.3,,
dave,error,,,,30,,"unsafe archive entry ""../../evil"": .. leaves the archive",
eve<script>alert(1)</script>,graded,0,0,0,30,0.0,,
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestJUnit(t *testing.T) {
	var doc struct {
		Suites []struct {
			Name     string `xml:"name,attr"`
			Tests    int    `xml:"tests,attr"`
			Failures int    `xml:"failures,attr"`
			Errors   int    `xml:"errors,attr"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal(JUnit(class()), &doc); err != nil {
		t.Fatal(err)
	}
	// 4 graded × 2 labs + 1 error case; failures: bob 1, carol 1, eve 2.
	tests, failures, errors := 0, 0, 0
	for _, s := range doc.Suites {
		tests, failures, errors = tests+s.Tests, failures+s.Failures, errors+s.Errors
	}
	if tests != 9 || failures != 4 || errors != 1 || len(doc.Suites) != 5 {
		t.Errorf("tests %d failures %d errors %d suites %d", tests, failures, errors, len(doc.Suites))
	}
}

func TestExercism(t *testing.T) {
	g := class()
	code := map[string]string{"01-waitgroup": "make lab N=1"}
	for _, tc := range []struct {
		name, status string
		tests        int
	}{{"alice", "pass", 2}, {"bob", "fail", 2}, {"dave", "error", 0}} {
		var s *Submission
		for i := range g.Submissions {
			if g.Submissions[i].Name == tc.name {
				s = &g.Submissions[i]
			}
		}
		res := Exercism(s, g.Labs, code)
		if res.Version != 3 || res.Status != tc.status || len(res.Tests) != tc.tests {
			t.Errorf("%s: %+v", tc.name, res)
		}
		if tc.status == "error" && res.Message == "" {
			t.Errorf("%s: an error result needs a message", tc.name)
		}
		for _, test := range res.Tests {
			if len([]rune(test.Output)) > 500 {
				t.Errorf("%s: output of %d characters, the format allows 500", tc.name, len(test.Output))
			}
			if test.TaskID == 0 || (test.Status == "fail" && test.Message == "") {
				t.Errorf("%s: test %+v", tc.name, test)
			}
		}
		data, _ := json.Marshal(res)
		if !bytes.Contains(data, []byte(`"tests":[`)) {
			t.Errorf("tests must be a list even when empty: %s", data)
		}
	}
	c := Classroom(&g.Submissions[1], g.Labs) // bob
	if len(c) != 2 || c["lab01"].MaxScore != 10 || c["lab01"].Tests[0].Score != 0 || c["lab02"].Tests[0].Score != 20 || c["lab01"].Status != "fail" {
		t.Errorf("classroom: %+v", c)
	}
}

func TestTruncate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{{"short", 10, "short"}, {strings.Repeat("é", 20), 10, "éééééé\n[…]"}} {
		if got := truncate(tc.in, tc.n, "\n[…]"); got != tc.want || len([]rune(got)) > tc.n {
			t.Errorf("truncate(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
	if got := truncateBytes(strings.Repeat("é", 10), 9, "…"); len(got) > 9 || got != "ééé…" {
		t.Errorf("truncateBytes = %q (%d bytes)", got, len(got))
	}
}

func TestHTMLEscapesAndIsSelfContained(t *testing.T) {
	page, err := HTML(class())
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(page, []byte("<script>alert(1)")) || bytes.Contains(page, []byte("<b>bold</b>")) {
		t.Error("student-controlled text reached the page unescaped")
	}
	if m := regexp.MustCompile(`(?i)(src|href)="(https?:)?//`).Find(page); m != nil {
		t.Errorf("the report loads something from the network: %s", m)
	}
}

// TestMergeIsUnsharded checks that merging two shards gives exactly the
// files of one gradebook holding every submission.
func TestMergeIsUnsharded(t *testing.T) {
	whole := class()
	one, two := t.TempDir(), t.TempDir()
	for i, dir := range []string{one, two} {
		part := *whole
		part.Submissions = nil
		part.Shard = []string{"1/2", "2/2"}[i]
		for j, s := range whole.Submissions {
			if j%2 == i {
				part.Submissions = append(part.Submissions, s)
				if err := WriteSubmission(dir, &s, whole.Labs, SubmissionOptions{}); err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := WriteAll(dir, &part); err != nil {
			t.Fatal(err)
		}
	}
	wantDir, gotDir := t.TempDir(), t.TempDir()
	if err := WriteAll(wantDir, whole); err != nil {
		t.Fatal(err)
	}
	merged, err := Merge(gotDir, []string{two, one})
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteAll(gotDir, merged); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{CSVFile, JSONFile, JUnitFile, SummaryFile, HTMLFile} {
		want, _ := os.ReadFile(filepath.Join(wantDir, f))
		got, _ := os.ReadFile(filepath.Join(gotDir, f))
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs after merging", f)
		}
	}
	for _, s := range whole.Submissions {
		if _, err := ReadSubmission(gotDir, s.Name); err != nil {
			t.Errorf("submission folder not merged: %v", err)
		}
	}
	if _, err := Merge(t.TempDir(), []string{one, one}); err == nil {
		t.Error("merging a shard twice must fail, not duplicate rows")
	}
}
