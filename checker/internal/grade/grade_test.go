package grade

import (
	"strings"
	"testing"

	"github.com/racelab/racelab/checker/internal/gradebook"
	"github.com/racelab/racelab/checker/internal/i18n"
	"github.com/racelab/racelab/checker/internal/run"
	"github.com/racelab/racelab/checker/lab"
	"github.com/racelab/racelab/checker/labvet"
)

func TestParseShard(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Shard
		ok   bool
	}{
		{"1/1", Shard{1, 1}, true}, {"2/4", Shard{2, 4}, true}, {"4/4", Shard{4, 4}, true},
		{"0/4", Shard{}, false}, {"5/4", Shard{}, false}, {"1/0", Shard{}, false}, {"1", Shard{}, false}, {"a/b", Shard{}, false},
	} {
		got, err := ParseShard(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParseShard(%q) = %v, %v", tc.in, got, err)
		}
	}
	if (Shard{1, 1}).String() != "" || (Shard{2, 3}).String() != "2/3" {
		t.Errorf("Shard.String")
	}
}

func testLab() *courseLab {
	return &courseLab{
		Lab:     &lab.Lab{Number: 1, Slug: "waitgroup", Points: 10, Editable: []string{"squares.go"}, Fix: []string{"waitgroup"}},
		scripts: []script{{name: "one", comment: "A single goroutine is waited for too."}, {name: "sum", comment: "The total counts every square."}},
	}
}

func TestHashAndSeed(t *testing.T) {
	l := testLab()
	a := hash(l, map[string][]byte{"squares.go": []byte("package main")})
	if a != hash(l, map[string][]byte{"squares.go": []byte("package main")}) {
		t.Error("equal files must hash equal (they are built once)")
	}
	for _, other := range []map[string][]byte{
		{"squares.go": []byte("package main ")},
		{"squares.go": []byte("package main"), "extra.go": nil},
	} {
		if hash(l, other) == a {
			t.Errorf("different files hash equal: %v", other)
		}
	}
	first := seed(a, 0)
	if again := seed(a, 0); first != again || first == seed(a, 1) || first == seed("x", 0) {
		t.Error("seeds must be replayable, and differ per run and per content")
	}
}

func TestVerdict(t *testing.T) {
	mkRun := func(status string, reasons ...string) gradebook.Run {
		return gradebook.Run{Status: status, Reasons: reasons, Seed: "7"}
	}
	pass := mkRun(gradebook.Pass)
	race := mkRun(gradebook.Fail, "race")
	race.Failed = []string{"sum"}
	sleep := []labvet.Finding{{File: "squares.go", Line: 3, Column: 2, Check: "fakesync", Message: "time.Sleep is not synchronisation"}}
	wg := []string{"waitgroup"}
	tests := []struct {
		name     string
		runs     []gradebook.Run
		findings []labvet.Finding
		kinds    []string
		status   string
		reason   string
		points   int
		message  string
		details  []string
	}{
		{"every run passes with the lab's kind", []gradebook.Run{pass, pass, pass}, nil, wg, gradebook.Pass, "", 10, "", nil},
		{"every run passes with another kind", []gradebook.Run{pass, pass}, nil, []string{"atomic"}, gradebook.Fail, "other-kind", 5,
			"works", nil},
		{"a race in one run of three is a flaky fix", []gradebook.Run{pass, race, pass}, nil, wg, gradebook.Fail, "flaky", 0,
			"flaky fix: race seen in 1 of 3 runs", []string{"RACELAB_SEED=7 make lab N=1"}},
		{"the most telling reason wins", []gradebook.Run{mkRun(gradebook.Fail, "wrong-output"), mkRun(gradebook.Fail, "leak", "race")}, nil, wg,
			gradebook.Fail, "race", 0, "(race in 1 of 2 runs)", nil},
		{"passing runs with the wrong fix", []gradebook.Run{pass}, sleep, wg, gradebook.Fail, "wrong-fix", 0,
			"a concurrency mistake the runs do not always show", []string{"squares.go:3", "time.Sleep"}},
		{"an early exit is named", []gradebook.Run{mkRun(gradebook.Fail, "early-exit")}, nil, nil, gradebook.Fail, "early-exit", 0, "ended before run returned", nil},
		{"a race outranks an early exit", []gradebook.Run{pass, mkRun(gradebook.Fail, "early-exit", "race")}, nil, nil, gradebook.Fail, "flaky", 0, "race seen in 1 of 2 runs", nil},
	}
	g := &grader{}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := gradebook.LabResult{Lab: "01-waitgroup", Status: gradebook.Fail, Max: 10, Runs: tc.runs}
			g.verdict(&res, testLab(), labvet.Report{Findings: tc.findings, Kinds: tc.kinds}, nil, make([]run.Result, len(tc.runs)))
			if res.Status != tc.status || res.Reason != tc.reason {
				t.Fatalf("status %s reason %s, want %s %s", res.Status, res.Reason, tc.status, tc.reason)
			}
			if res.Points != tc.points {
				t.Errorf("points %d, want %d", res.Points, tc.points)
			}
			if !strings.Contains(res.Message, tc.message) {
				t.Errorf("message %q lacks %q", res.Message, tc.message)
			}
			all := strings.Join(res.Details, "\n")
			for _, d := range tc.details {
				if !strings.Contains(all, d) {
					t.Errorf("details lack %q:\n%s", d, all)
				}
			}
		})
	}
}

func TestRaceReport(t *testing.T) {
	out := `=== RUN   TestLab/scripts/sum
==================
WARNING: DATA RACE
Read at 0x00c000016100 by main goroutine:
  main.main()
      github.com/racelab/racelab/labs/01-waitgroup/squares.go:28 +0x23d

Previous write at 0x00c000016100 by goroutine 9:
  main.main.func1()
      github.com/racelab/racelab/labs/01-waitgroup/squares.go:21 +0x54
==================
racelab: goroutine leak: main returned
`
	r := raceReport(out)
	if !strings.HasPrefix(r, "WARNING: DATA RACE") || strings.Contains(r, "==") || !strings.Contains(r, "squares.go:21") {
		t.Errorf("race report: %q", r)
	}
	if raceReport("no race here") != "" {
		t.Error("a race report from nothing")
	}
}

func TestReusable(t *testing.T) {
	g := &grader{course: &course{labs: []*courseLab{testLab()}}}
	ok := gradebook.Submission{Status: gradebook.Graded, Labs: []gradebook.LabResult{{Lab: "01-waitgroup", Status: gradebook.Fail}}}
	for _, tc := range []struct {
		name string
		s    gradebook.Submission
		want bool
	}{
		{"graded with the same labs", ok, true},
		{"an error row is tried again", gradebook.Submission{Status: gradebook.Error}, false},
		{"a lab the grader could not grade is tried again", gradebook.Submission{Status: gradebook.Graded, Labs: []gradebook.LabResult{{Lab: "01-waitgroup", Status: gradebook.Error}}}, false},
		{"the course changed", gradebook.Submission{Status: gradebook.Graded, Labs: []gradebook.LabResult{{Lab: "02-mutex", Status: gradebook.Pass}}}, false},
	} {
		if got := g.reusable(&tc.s); got != tc.want {
			t.Errorf("%s: reusable = %v", tc.name, got)
		}
	}
}

// The grader's own feedback follows the course language, as make lab does.
func TestVerdictInIndonesian(t *testing.T) {
	mkRun := func(status string, reasons ...string) gradebook.Run {
		return gradebook.Run{Status: status, Reasons: reasons, Seed: "7", Failed: []string{"sum"}}
	}
	g := &grader{opts: Options{Lang: i18n.ID}}
	res := gradebook.LabResult{Lab: "01-waitgroup", Status: gradebook.Fail, Max: 10,
		Runs: []gradebook.Run{{Status: gradebook.Pass}, mkRun(gradebook.Fail, "early-exit")}}
	g.verdict(&res, testLab(), labvet.Report{Findings: []labvet.Finding{{File: "squares.go", Line: 3, Column: 2, Check: "fakesync", Message: "x"}}}, nil, make([]run.Result, 2))
	for _, want := range []string{"perbaikan belum stabil: early-exit muncul di 1 dari 2 run.", "pemeriksaan lab tidak pernah berjalan"} {
		if !strings.Contains(res.Message, want) {
			t.Errorf("message %q lacks %q", res.Message, want)
		}
	}
	all := strings.Join(res.Details, "\n")
	for _, want := range []string{"squares.go:3", "ulangi run ini: RACELAB_SEED=7 make lab N=1"} {
		if !strings.Contains(all, want) {
			t.Errorf("details lack %q:\n%s", want, all)
		}
	}
}

func TestOpeningComment(t *testing.T) {
	for script, want := range map[string][2]string{
		"# One line.\nexec x\n":                                  {"One line.", ""},
		"# Two lines\n# make one.\nexec x\n# later\n":            {"Two lines make one.", ""},
		"# Both.\n# id: Dua-duanya,\n# id: sekaligus.\nexec x\n": {"Both.", "Dua-duanya, sekaligus."},
		"exec x\n": {"", ""},
	} {
		if en, id := openingComment([]byte(script)); en != want[0] || id != want[1] {
			t.Errorf("openingComment(%q) = %q, %q; want %q", script, en, id, want)
		}
	}
}
