package gradebook

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/racelab/racelab/checker/internal/gradebook/platformspec"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// platformClass is a class that exercises every case a platform format
// distinguishes: labs of uneven points, a pass, a race with the student's
// own prints, a compile error, a flaky fix, a refused file, a lab the
// grader could not grade, a submission where no lab ran, one the grader
// could not read, changed protected files, and output past every limit.
func platformClass() *Gradebook {
	labs := []Lab{
		{Name: "01-waitgroup", Number: 1, Title: "Wait for your goroutines", Points: 10},
		{Name: "02-mutex", Number: 2, Title: "Guard the balance", Points: 20},
		{Name: "03-select", Number: 3, Title: "Wait for the first answer", Points: 15},
	}
	pass := func(lab string, pts int, ms int64) LabResult {
		return LabResult{Lab: lab, Status: Pass, Points: pts, Max: pts, Files: "edited", Hash: "p" + lab[:2], TimeMS: ms,
			Runs: []Run{{Status: Pass, Seed: "11", DurationMS: ms}}}
	}
	race := LabResult{Lab: "01-waitgroup", Status: Fail, Max: 10, Reason: "race", TimeMS: 2100,
		Message: "the race detector saw two goroutines touch the same memory",
		Details: []string{"labs/01-waitgroup/squares/squares.go:21: written here", "labs/01-waitgroup/squares/squares.go:28: read here", "replay this run: RACELAB_SEED=2 make lab N=1"},
		Files:   "edited", Hash: "r01", Output: "sum of squares: 41\ndebug: i=3",
		Runs: []Run{{Status: Fail, Reasons: []string{"race"}, Seed: "2", Failed: []string{"sum"}, DurationMS: 900,
			Race: "WARNING: DATA RACE\nWrite at 0x00c000012345 by goroutine 7:\n  main.run.func1()\n      github.com/racelab/racelab/labs/01-waitgroup/squares/squares.go:21"}}}
	build := func(lab string, pts int, file string) LabResult {
		return LabResult{Lab: lab, Status: Fail, Max: pts, Reason: "build", Message: "the code does not compile",
			Details: []string{file + ":12:3: declared and not used: unused"},
			Build:   "# github.com/racelab/racelab/" + filepath.Dir(file) + "\n" + file + ":12:3: declared and not used: unused",
			Files:   "edited", Hash: "b" + lab[:2]}
	}
	graderFault := LabResult{Lab: "03-select", Status: Error, Max: 15, Reason: "error", Files: "shipped", Hash: "e03",
		Message: "the grader could not grade this lab (not your doing; your instructor can regrade it): the lab's tests took longer than 2m15s: the grading machine may be overloaded"}
	flaky := LabResult{Lab: "02-mutex", Status: Fail, Max: 20, Reason: "flaky", TimeMS: 3300,
		Message: "flaky fix: race seen in 1 of 3 runs. the race detector saw two goroutines touch the same memory", Files: "edited", Hash: "f02",
		Output: strings.Repeat("balance: 100 — Rp1.000 ✓\n", 40)}
	refused := LabResult{Lab: "03-select", Status: Fail, Max: 15, Reason: "refused", Files: "edited", Hash: "x03",
		Message: "the file uses something the grader refuses to build", Details: []string{"labs/03-select/first/first.go:9:2: os.Exit is not allowed: return from run instead"}}
	started := time.Date(2026, 11, 30, 9, 15, 0, 0, time.UTC).UnixMilli()
	subs := []Submission{
		{Name: "ana", Status: Graded, Source: "git HEAD 1a2b3c4", StartedMS: started, ElapsedMS: 4000,
			Labs: []LabResult{pass("01-waitgroup", 10, 1200), pass("02-mutex", 20, 1500), pass("03-select", 15, 900)}},
		{Name: "budi", Status: Graded, Source: "zip", StartedMS: started + 1000, ElapsedMS: 9000,
			Labs:      []LabResult{race, pass("02-mutex", 20, 0), build("03-select", 15, "labs/03-select/first/first.go")},
			Protected: []string{"go.mod", "labs/01-waitgroup/lab_test.go", "labs/02-mutex/testdata/sum.txtar"},
			Ignored:   []string{"labs/01-waitgroup/squares/extra.go"}},
		{Name: "citra", Status: Graded, Source: "folder", StartedMS: started + 2000, ElapsedMS: 7000,
			Labs: []LabResult{build("01-waitgroup", 10, "labs/01-waitgroup/squares/squares.go"), build("02-mutex", 20, "labs/02-mutex/bank/bank.go"), graderFault}},
		{Name: "dewi", Status: Error, StartedMS: started + 3000, Error: "reading " + SolutionDir + ": zip: not a valid zip file"},
		{Name: "eka", Status: Graded, Source: "tar.gz", StartedMS: started + 4000, ElapsedMS: 8000,
			Labs: []LabResult{pass("01-waitgroup", 10, 800), flaky, refused}},
	}
	for i := range subs {
		subs[i].Total(labs)
	}
	g := &Gradebook{Version: Version, Runs: 3, Sandbox: "bubblewrap", Labs: labs, Submissions: subs, ElapsedMS: 20000}
	g.Sort()
	return g
}

var platformTestCode = map[string]string{"01-waitgroup": "# make lab N=1\n-- testdata/sum.txtar --\nsquares -n 10\nwant squares 385\n"}

var c50 = Classroom50Context{
	Classroom: "racelab-2026", Assignment: "concurrency", AssignmentType: "individual", Owner: "budi",
	Submission: "submit/2026-11-30T09-15-00Z-1a2b3c4", Commit: "https://example.org/commit/1a2b3c4",
	Release: "https://example.org/releases/tag/submit%2F2026", Review: "https://example.org/compare/0000...1a2b3c4",
	Datetime: "2026-11-30T09:15:00Z",
}

// golden compares data with testdata/golden/name (rewritten with -update).
func golden(t *testing.T, name string, data []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if !bytes.Equal(data, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it after a deliberate change):\n%s", name, data)
	}
}

// TestPlatformFormats writes every per-submission format of the class,
// compares each with its golden file and checks it against the platform's
// published shape.
func TestPlatformFormats(t *testing.T) {
	g := platformClass()
	for i := range g.Submissions {
		s := &g.Submissions[i]
		t.Run(s.Name, func(t *testing.T) {
			files := map[string][]byte{
				ExercismFile:     JSON(Exercism(s, g.Labs, platformTestCode)),
				GradescopeFile:   JSON(Gradescope(s, g.Labs)),
				PrairieLearnFile: JSON(PrairieLearn(s, g.Labs)),
				Classroom50File:  JSON(Classroom50(s, g.Labs, c50)),
				ClassroomFile:    JSON(Classroom(s, g.Labs)),
			}
			for name, data := range files {
				golden(t, s.Name+"/"+name, data)
			}
			checks := map[string]error{
				ExercismFile:     platformspec.Exercism(files[ExercismFile], 3),
				GradescopeFile:   platformspec.Gradescope(files[GradescopeFile]),
				PrairieLearnFile: platformspec.PrairieLearn(files[PrairieLearnFile]),
				Classroom50File:  platformspec.Classroom50(files[Classroom50File], platformspec.Classroom50Identity{Classroom: c50.Classroom, Assignment: c50.Assignment}),
			}
			for name, err := range checks {
				if err != nil {
					t.Errorf("%s does not follow its spec:\n%v", name, err)
				}
			}
			rep, err := platformspec.RunReporter(files[ClassroomFile])
			if err == nil {
				err = rep.Agree(files[ClassroomFile])
			}
			if err != nil {
				t.Errorf("the GitHub Classroom reporter on classroom.json:\n%v\n%s", err, strings.Join(rep.Console, "\n"))
			}
			// Every machine-readable file names every changed protected file.
			for name, data := range files {
				for _, p := range s.Protected {
					if !bytes.Contains(data, []byte(p)) {
						t.Errorf("%s does not say that %s was changed", name, p)
					}
				}
			}
		})
	}
}

func find(g *Gradebook, name string) *Submission {
	for i := range g.Submissions {
		if g.Submissions[i].Name == name {
			return &g.Submissions[i]
		}
	}
	panic(name)
}

// TestExercismVerdicts checks what issue 12 found wrong in exercism's file.
func TestExercismVerdicts(t *testing.T) {
	g := platformClass()
	// Nothing compiled or could be graded: status error, with the
	// compiler's own words and paths in the submission.
	citra := Exercism(find(g, "citra"), g.Labs, nil)
	if citra.Status != Error || !strings.Contains(citra.Message, "<solution-dir>/labs/01-waitgroup/squares/squares.go:12:3: declared and not used: unused") ||
		!strings.Contains(citra.Message, "took longer than 2m15s") {
		t.Errorf("no lab ran: want status error with the compiler message and the grader's reason, got %s:\n%s", citra.Status, citra.Message)
	}
	for _, test := range citra.Tests {
		if test.Status != Error {
			t.Errorf("citra %s: status %s, want error", test.Name, test.Status)
		}
	}
	// A compile error in one lab of several: that test errors, the rest run.
	budi := Exercism(find(g, "budi"), g.Labs, platformTestCode)
	if budi.Status != Fail || budi.Message != "" || budi.Tests[2].Status != Error || budi.Tests[0].Status != Fail {
		t.Errorf("budi: %+v", budi)
	}
	// Output is the student's own prints: not the race report, not the
	// compiler's output.
	if budi.Tests[0].Output != "sum of squares: 41\ndebug: i=3" || budi.Tests[2].Output != "" {
		t.Errorf("per-test output must be only what the student printed: %q, %q", budi.Tests[0].Output, budi.Tests[2].Output)
	}
	eka := Exercism(find(g, "eka"), g.Labs, nil)
	out := eka.Tests[1].Output
	if !strings.HasSuffix(out, "Output was truncated. Please limit to 500 chars") || len([]rune(out)) != 500 {
		t.Errorf("truncated output: %d characters, ends %q", len([]rune(out)), out[max(0, len(out)-60):])
	}
	dewi := Exercism(find(g, "dewi"), g.Labs, nil)
	if dewi.Status != Error || dewi.Message != "reading <solution-dir>: zip: not a valid zip file" {
		t.Errorf("an unreadable submission: %+v", dewi)
	}
	huge := *find(g, "dewi")
	huge.Error = strings.Repeat("é", 40000)
	if m := Exercism(&huge, g.Labs, nil).Message; len(m) > 65535 {
		t.Errorf("a top-level message of %d bytes: the interface allows 65535", len(m))
	}
}

// TestJUnitSchemas validates the class's JUnit XML with xmllint against
// Jenkins' schema and Ant's strict one.
func TestJUnitSchemas(t *testing.T) {
	g := platformClass()
	data := JUnit(g)
	golden(t, "junit.xml", data)
	path := filepath.Join(t.TempDir(), "junit.xml")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	err := platformspec.JUnit(path)
	if errors.Is(err, platformspec.ErrNoValidator) {
		if os.Getenv("CI") != "" {
			t.Fatal("xmllint is missing in CI: .ci/run must install libxml2-utils")
		}
		t.Skip(err)
	}
	if err != nil {
		t.Fatalf("junit.xml is not valid:\n%v", err)
	}
	// A class with no submissions is a valid empty document too.
	empty := filepath.Join(t.TempDir(), "empty.xml")
	os.WriteFile(empty, JUnit(&Gradebook{Version: Version}), 0o644)
	if err := platformspec.JUnit(empty); err != nil {
		t.Errorf("an empty class: %v", err)
	}
}

// TestJUnitVerdicts: a grader fault is an <error>, a student's failure a
// <failure> typed with its reason, and each suite's time is its labs' own.
func TestJUnitVerdicts(t *testing.T) {
	g := platformClass()
	data := string(JUnit(g))
	for _, want := range []string{
		`<error message="the grader could not grade this lab`,
		`<failure message="the code does not compile" type="build">`,
		`<failure message="the race detector saw two goroutines touch the same memory" type="race">`,
		`<error message="reading &lt;solution-dir&gt;: zip: not a valid zip file" type="error">`,
		`<property name="racelab.protected_changed" value="labs/01-waitgroup/lab_test.go"></property>`,
		`timestamp="2026-11-30T09:15:01"`,
		`name="budi" package="racelab" id="1"`,
	} {
		if !strings.Contains(data, want) {
			t.Errorf("junit.xml lacks %s", want)
		}
	}
	if strings.Contains(data, `type="error"><![CDATA`) || strings.Contains(data, `<failure message="the grader`) {
		t.Error("a grader fault written as a failure")
	}
	// ana's labs took 1.2 + 1.5 + 0.9 s of test time: her suite says 3.6 s,
	// not the 4 s her submission spent in the grader, queueing included.
	if !strings.Contains(data, `name="ana" package="racelab" id="0" timestamp="2026-11-30T09:15:00" hostname="localhost" tests="3" failures="0" errors="0" skipped="0" time="3.600"`) {
		t.Errorf("ana's suite time is not the sum of her labs' test time:\n%s", data)
	}
	var sum int64
	for _, s := range g.Submissions {
		for _, r := range s.Labs {
			sum += r.TimeMS
		}
	}
	if sum > g.ElapsedMS {
		t.Errorf("the suites add up to %d ms, more than the %d ms the grading took", sum, g.ElapsedMS)
	}
}

// TestReporterFindsTheOldShapesFaults runs the reporter's arithmetic over
// the shape racelab wrote before (one runner for all labs, no line_no,
// an errored submission without tests) and finds the faults issue 12
// reports: the check must be able to fail.
func TestReporterFindsTheOldShapesFaults(t *testing.T) {
	old := `{"racelab": {"version": 1, "status": "fail", "max_score": 45, "tests": [
		{"name": "01-waitgroup", "status": "pass", "score": 10},
		{"name": "02-mutex", "status": "fail", "score": 0},
		{"name": "03-select", "status": "pass", "score": 15}]},
	"errored": {"version": 1, "status": "error", "max_score": 10, "tests": []}}`
	rep, err := platformspec.RunReporter([]byte(old))
	if err != nil {
		t.Fatal(err)
	}
	console := strings.Join(rep.Console, "\n")
	for _, want := range []string{"✅ 01-waitgroup - line undefined", "Total points for racelab: 30.00/45", "Total points for errored: NaN/10"} {
		if !strings.Contains(console, want) {
			t.Errorf("replaying the reporter: no %q in\n%s", want, console)
		}
	}
	if rep.Notice != "Points 25/55" {
		t.Errorf("notice %q", rep.Notice)
	}
	if rep.Agree([]byte(old)) == nil {
		t.Error("the old shape's disagreeing totals went unnoticed")
	}
}

// TestScrub: the grader's paths become placeholders, the submission's its
// <solution-dir>, and shared lab results are left alone.
func TestScrub(t *testing.T) {
	class := t.TempDir()
	shared := []Run{{Race: "WARNING: DATA RACE at " + class + "/out/x"}}
	s := &Submission{
		Error: "reading " + filepath.Join(class, "fajar.zip") + ": zip: not a valid zip file",
		Notes: []string{"labs/x.go is a symbolic link to " + filepath.Join(class, "solved", "x.go")},
		Labs:  []LabResult{{Message: "work in " + filepath.Join(class, "out", ".racelab-work", "src-1"), Runs: shared}},
	}
	s.Scrub(NewScrubber(Path{filepath.Join(class, "fajar.zip"), SolutionDir}, Path{filepath.Join(class, "out"), "<output>"}, Path{class, "<submissions>"}))
	want := []string{
		"reading <solution-dir>: zip: not a valid zip file",
		"labs/x.go is a symbolic link to <submissions>/solved/x.go",
		"work in <output>/.racelab-work/src-1",
		"WARNING: DATA RACE at <output>/x",
	}
	got := []string{s.Error, s.Notes[0], s.Labs[0].Message, s.Labs[0].Runs[0].Race}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("got %q, want %q", got[i], want[i])
		}
	}
	if !strings.Contains(shared[0].Race, class) {
		t.Error("scrubbing one submission rewrote a lab result it shares with others")
	}
}

// TestStudentOutput keeps what the student printed and drops what the race
// detector, the runtime and racelab's checks printed.
func TestStudentOutput(t *testing.T) {
	stderr := "log: starting\n==================\nWARNING: DATA RACE\nWrite at 0x1 by goroutine 7:\n  main.run()\n==================\nracelab: goroutine leak: 1 goroutine still running\nlog: done\npanic: boom\n\ngoroutine 1 [running]:\nmain.main()\n"
	got := ownStderr(stderr)
	if got != "log: starting\nlog: done\n" {
		t.Errorf("ownStderr = %q", got)
	}
}

func TestClassroom50FromEnv(t *testing.T) {
	env := map[string]string{"CLASSROOM": "c", "ASSIGNMENT": "a", "SUBMISSION_TAG": "submit/x", "COMMIT_URL": "u", "RELEASE_URL": "r", "USERNAME": "budi"}
	c, err := Classroom50FromEnv(func(k string) string { return env[k] }, time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	if err != nil || c.Review != "u" || c.Owner != "budi" || c.Datetime != "2026-01-02T03:04:05Z" {
		t.Errorf("%+v %v", c, err)
	}
	delete(env, "COMMIT_URL")
	if _, err := Classroom50FromEnv(func(k string) string { return env[k] }, time.Now()); err == nil || !strings.Contains(err.Error(), "COMMIT_URL") {
		t.Errorf("a missing variable: %v", err)
	}
}

func TestGoldenFilesAreJSON(t *testing.T) {
	err := filepath.WalkDir(filepath.Join("testdata", "golden"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".json") {
			return err
		}
		data, _ := os.ReadFile(p)
		if !json.Valid(data) {
			t.Errorf("%s is not JSON", p)
		}
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
}

// TestScrubWholePaths replaces a path only where it ends, never inside a
// longer name.
func TestScrubWholePaths(t *testing.T) {
	s := NewScrubber(Path{"/work/class", "<submissions>"}, Path{"/work/class/ana.zip", SolutionDir})
	for in, want := range map[string]string{
		"reading /work/class/ana.zip: bad":     "reading <solution-dir>: bad",
		"in /work/class/budi/x.go:3":           "in <submissions>/budi/x.go:3",
		"see /work/classes and /work/class.":   "see /work/classes and <submissions>.",
		"'/work/class'":                        "'<submissions>'",
		"/work/class":                          "<submissions>",
		"/work/class/ana.zip.bak is not yours": "<solution-dir>.bak is not yours",
	} {
		if got := s.String(in); got != want {
			t.Errorf("%q → %q, want %q", in, got, want)
		}
	}
}
