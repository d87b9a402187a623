package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/racelab/racelab/checker/internal/grade"
	"github.com/racelab/racelab/checker/internal/gradebook"
	"github.com/racelab/racelab/checker/internal/workspace"
)

// The end-to-end tests grade submissions built here from the repository,
// one per way a student's work can go right or wrong, and check each
// verdict and its reason. They grade lab 06 only (-labs 6), so they cost the
// same however many labs the course has.

const lab06 = "labs/06-waitgroup/squares/squares.go"

func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := findRoot()
	if err != nil {
		t.Fatal(err)
	}
	return root
}

func needTools(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"bwrap", "git"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is missing in CI: .ci/run must install it", tool)
			}
			t.Skipf("%s not installed", tool)
		}
	}
}

func read(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func put(t *testing.T, dir, rel, content string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// edit returns src with old replaced by new, failing if old is absent, so
// a change to the lab's files breaks the test loudly rather than silently
// making a case meaningless.
func edit(t *testing.T, src, old, new string) string {
	t.Helper()
	if !strings.Contains(src, old) {
		t.Fatalf("the lab's file no longer contains %q: update the test case", old)
	}
	return strings.Replace(src, old, new, 1)
}

// fullCopy copies the repository as a student's clone would hold it.
func fullCopy(t *testing.T, root, dst string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		t.Fatal(err)
	}
	ws, err := workspace.New(root, filepath.Dir(dst), nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(ws.Dir, dst); err != nil {
		t.Fatal(err)
	}
}

type member struct{ name, content, link string }

func writeZip(t *testing.T, path string, members []member) {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, m := range members {
		w, _ := zw.Create(m.name)
		w.Write([]byte(m.content))
	}
	zw.Close()
	os.WriteFile(path, buf.Bytes(), 0o644)
}

func writeTarGz(t *testing.T, path string, members []member) {
	t.Helper()
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	for _, m := range members {
		h := &tar.Header{Name: m.name, Mode: 0o644, Size: int64(len(m.content)), Typeflag: tar.TypeReg}
		if m.link != "" {
			h = &tar.Header{Name: m.name, Linkname: m.link, Typeflag: tar.TypeSymlink}
		}
		tw.WriteHeader(h)
		tw.Write([]byte(m.content))
	}
	tw.Close()
	gz.Close()
	os.WriteFile(path, buf.Bytes(), 0o644)
}

// expectation is what the gradebook must say about a submission's lab 06.
type expectation struct {
	status, reason string
	error          string   // for an error row: a piece of the error
	details        []string // pieces of the feedback (message, details, notes, protected files)
}

// buildClass writes the class folder and returns what each submission must
// get. Besides honest mistakes, it holds every attack on the grader found so
// far (issue 10), each acting only when graded: none may pass a lab whose
// race is there, and none may get anything of the grader into an output.
func buildClass(t *testing.T, root, class string) map[string]expectation {
	shipped := read(t, filepath.Join(root, lab06))
	solved := read(t, filepath.Join(root, "solutions/06-waitgroup/squares.go"))
	only := func(name, content string) { put(t, filepath.Join(class, name), lab06, content) }
	// withInit adds imports and an init function to a version of the file.
	withInit := func(src, imports, body string) string {
		return edit(t, edit(t, src, "\"fmt\"\n", "\"fmt\"\n"+imports), "func run() {", "func init() {\n"+body+"\n}\n\nfunc run() {")
	}
	want := map[string]expectation{}

	fullCopy(t, root, filepath.Join(class, "shipped"))
	want["shipped"] = expectation{status: "fail", reason: "race", details: []string{"Data race on squares", "squares.go:27", "replay this run: RACELAB_SEED="}}

	only("solved", solved)
	want["solved"] = expectation{status: "pass"}

	// Waiting inside the loop removes the race and the concurrency with it.
	only("halfsolved", edit(t, solved, "\t\t}()\n", "\t\t}()\n\t\twg.Wait()\n"))
	want["halfsolved"] = expectation{status: "fail", reason: "not-concurrent", details: []string{"Not concurrent: at most"}}

	// Rewritten tests, script and go.mod are ignored: the racy program fails.
	fullCopy(t, root, filepath.Join(class, "tampered"))
	put(t, filepath.Join(class, "tampered"), "labs/06-waitgroup/lab_test.go", "package lab_test\n\nimport \"testing\"\n\nfunc TestLab(t *testing.T) {}\n")
	put(t, filepath.Join(class, "tampered"), "labs/06-waitgroup/testdata/sum.txtar", "# nothing to see\n")
	put(t, filepath.Join(class, "tampered"), "labs/06-waitgroup/squares/extra.go", "package main\n\nfunc init() {}\n")
	put(t, filepath.Join(class, "tampered"), "go.mod", read(t, filepath.Join(root, "go.mod"))+"// tampered\n")
	want["tampered"] = expectation{status: "fail", reason: "race", details: []string{
		"protected:go.mod", "protected:labs/06-waitgroup/lab_test.go", "protected:labs/06-waitgroup/testdata/sum.txtar", "ignored:labs/06-waitgroup/squares/extra.go"}}

	only("broken", edit(t, solved, "total := 0", "total := 0\n\tunused := 1"))
	want["broken"] = expectation{status: "fail", reason: "build", details: []string{"The program does not compile", "squares.go:", "declared and not used"}}

	only("loop", edit(t, solved, "\tflag.Parse()\n", "\tflag.Parse()\n\tfor {\n\t}\n"))
	want["loop"] = expectation{status: "fail", reason: "deadlock", details: []string{"Deadlock: the program never finished"}}

	// The watchdog starts with the process: an init that never returns
	// is stopped with the rest.
	only("hanginit", withInit(solved, "\t\"time\"\n", "\ttime.Sleep(time.Hour)"))
	want["hanginit"] = expectation{status: "fail", reason: "deadlock", details: []string{"Deadlock: the program never finished"}}

	// os.Exit could forge the status that says the checks passed: a file
	// using it is refused, never built or run, whatever the exit code.
	only("exitinit", withInit(solved, "\t\"os\"\n", "\tos.Exit(0)"))
	want["exitinit"] = expectation{status: "fail", reason: "refused", details: []string{"os.Exit is not allowed"}}
	only("forger", withInit(shipped, "\t\"os\"\n", "\texit := os.Exit\n\texit(65)"))
	want["forger"] = expectation{status: "fail", reason: "refused", details: []string{"os.Exit is not allowed"}}
	only("spawner", withInit(shipped, "\t\"os\"\n", "\tos.StartProcess(os.Args[0], os.Args, &os.ProcAttr{Env: []string{\"GORACE=exitcode=0\"}})"))
	want["spawner"] = expectation{status: "fail", reason: "refused", details: []string{"os.StartProcess is not allowed"}}

	// Text that looks like the test framework's is only text now: the
	// program's output reaches the judge's verdict as data.
	var frames strings.Builder
	for _, name := range []string{"TestLab", "TestLab/static", "TestLab/scripts", "TestLab/scripts/one", "TestLab/scripts/sum"} {
		fmt.Fprintf(&frames, "\tfmt.Print(m + eq + \" RUN   %s\\n\")\n\tfmt.Print(m + dash + \" PA\" + \"SS: %s (0.00s)\\n\")\n", name, name)
	}
	only("fakepass", withInit(shipped, "\t\"strings\"\n", "\tm := string(rune(22))\n\tdash := strings.Repeat(\"-\", 3)\n\teq := strings.Repeat(\"=\", 3)\n"+frames.String()))
	want["fakepass"] = expectation{status: "fail", reason: "race"}
	// Telling the test binary to run no tests: the program is not the
	// test binary any more; its own flags reject the argument.
	only("argforger", withInit(shipped, "\t\"os\"\n", "\tos.Args = append(os.Args, \"-test.run=^$\")"))
	want["argforger"] = expectation{status: "fail", reason: "fail", details: []string{"flag provided but not defined: -test.run"}}

	// chdir-forge: the judge no longer finds its scripts by a path the
	// program's process could change.
	only("chdirforge", withInit(shipped, "\t\"os\"\n", "\tdir, _ := os.MkdirTemp(\"\", \"forge\")\n\tos.MkdirAll(dir+\"/testdata\", 0o755)\n\tos.WriteFile(dir+\"/testdata/one.txtar\", nil, 0o644)\n\tos.WriteFile(dir+\"/testdata/sum.txtar\", nil, 0o644)\n\tos.Chdir(dir)"))
	want["chdirforge"] = expectation{status: "fail", reason: "race"}
	// GORACE from init: the race runtime read it before any Go code ran.
	only("gorace", withInit(shipped, "\t\"os\"\n", "\tos.Setenv(\"GORACE\", \"log_path=/tmp/x exitcode=0 halt_on_error=0\")\n\tos.Setenv(\"RACELAB_OVERLAP\", \"1\")"))
	want["gorace"] = expectation{status: "fail", reason: "race"}
	// The sandbox's first process: its command line and environment held
	// the proof key and the grader's variables. Now they show nothing of
	// the grader; what the program prints is checked below (leaks()).
	only("pid1thief", withInit(shipped, "\t\"os\"\n", `	for _, f := range []string{"/proc/1/cmdline", "/proc/1/environ", "/proc/self/mountinfo", "/proc/1/mountinfo"} {
		data, _ := os.ReadFile(f)
		fmt.Println("racelab: " + f + ": " + string(data))
		fmt.Fprintln(os.Stderr, "racelab: "+f+": "+string(data))
	}`))
	want["pid1thief"] = expectation{status: "fail", reason: "race"}

	// One file too big to read refuses its lab, not the submission.
	only("oversized", solved+"\n// "+strings.Repeat("x", 5<<20)+"\n")
	want["oversized"] = expectation{status: "fail", reason: "refused", details: []string{"more than the 4194304 a lab file may have"}}

	writeZip(t, filepath.Join(class, "escape.zip"), []member{{name: "racelab/" + lab06, content: solved}, {name: "racelab/../../evil.go", content: "package main"}})
	want["escape"] = expectation{status: "error", error: "unsafe archive entry"}

	writeTarGz(t, filepath.Join(class, "linkout.tar.gz"), []member{{name: "racelab/go.mod", content: "module x\n"}, {name: "racelab/" + lab06, link: "../../../../../solved/" + lab06}})
	want["linkout"] = expectation{status: "error", error: "outside the archive"}

	// A symlink to another student's solved file is not followed.
	put(t, filepath.Join(class, "symlink"), "go.mod", read(t, filepath.Join(root, "go.mod")))
	if err := os.MkdirAll(filepath.Dir(filepath.Join(class, "symlink", lab06)), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(class, "solved", lab06), filepath.Join(class, "symlink", lab06)); err != nil {
		t.Fatal(err)
	}
	want["symlink"] = expectation{status: "fail", reason: "race", details: []string{"note:labs/06-waitgroup/squares/squares.go is a symbolic link"}}

	writeTarGz(t, filepath.Join(class, "archived.tar.gz"), []member{{name: "archived/go.mod", content: "module x\n"}, {name: "archived/" + lab06, content: solved}})
	want["archived"] = expectation{status: "pass"}

	clone := filepath.Join(class, "cloned")
	put(t, clone, lab06, solved)
	for _, args := range [][]string{{"init", "-q"}, {"add", "."}, {"commit", "-qm", "fix lab 6"}} {
		cmd := exec.Command("git", args...)
		cmd.Dir = clone
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=s", "GIT_AUTHOR_EMAIL=s@x", "GIT_COMMITTER_NAME=s", "GIT_COMMITTER_EMAIL=s@x")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	want["cloned"] = expectation{status: "pass"}

	// git-thief: a repository made of pointers into a classmate's clone is
	// refused, never graded at the classmate's HEAD.
	put(t, filepath.Join(class, "gitthief"), ".git/HEAD", "ref: refs/heads/master\n")
	put(t, filepath.Join(class, "gitthief"), ".git/commondir", filepath.Join(clone, ".git")+"\n")
	want["gitthief"] = expectation{status: "error", error: "commondir"}
	return want
}

// binary is the checker built once for the tests that run it as a separate
// process: the grading tests, which would otherwise run the whole grader
// (type-checking included) under the race detector of `go test -race`.
var binary struct {
	once sync.Once
	path string
	err  error
}

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "racelab-checker-test-")
	if err != nil {
		panic(err)
	}
	binary.path = filepath.Join(dir, "checker")
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func checkerBinary(t *testing.T) string {
	t.Helper()
	binary.once.Do(func() {
		out, err := exec.Command("go", "build", "-o", binary.path, ".").CombinedOutput()
		if err != nil {
			binary.err = fmt.Errorf("building the checker: %v\n%s", err, out)
		}
	})
	if binary.err != nil {
		t.Fatal(binary.err)
	}
	return binary.path
}

// run runs the built checker from the repository root.
func runChecker(t *testing.T, env []string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	cmd := exec.Command(checkerBinary(t), args...)
	cmd.Dir = repoRoot(t)
	cmd.Env = append(os.Environ(), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode(), out.String(), errb.String()
	} else if err != nil {
		t.Fatal(err)
	}
	return 0, out.String(), errb.String()
}

// checkerInProcess runs the checker in-process as the command line would.
func checkerInProcess(t *testing.T, ctx context.Context, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdout: &out, stderr: &errb, stdin: strings.NewReader(""), getenv: os.Getenv, root: repoRoot(t)}
	code = runMain(ctx, e, args)
	return code, out.String(), errb.String()
}

// timings blanks what legitimately differs between two gradings of the
// same results.
var timings = regexp.MustCompile(`("[a-z_]*_ms": )\d+|( time(?:stamp)?=")[0-9.:T-]+"`)

func normalize(data []byte) string { return timings.ReplaceAllString(string(data), "${1}${2}0") }

func TestGradeClass(t *testing.T) {
	needTools(t)
	root := repoRoot(t)
	class := filepath.Join(t.TempDir(), "class")
	want := buildClass(t, root, class)

	// The class is graded in two shards, merged, and the merge compared
	// with what a single run writes from the same results.
	// The shards run at once, as two graders on one machine would.
	base := t.TempDir()
	shards := []string{filepath.Join(base, "shard1"), filepath.Join(base, "shard2")}
	// What a grader killed with kill -9 leaves behind: the next grading
	// into the same folder clears it.
	put(t, shards[0], grade.WorkDir+"/src-1/squares.go", "package main // a student's file")
	// A variable of the grader's that no student may read.
	const secret = "s3cr3t-grader-token"
	graderEnv := append([]string{"RACELAB_GRADER_SECRET=" + secret}, classroom50Env...)
	var wg sync.WaitGroup
	failures := make([]string, len(shards))
	for i, out := range shards {
		wg.Go(func() {
			start := time.Now()
			code, stdout, stderr := runChecker(t, graderEnv, "grade", "-labs", "6", "-runs", "2", "-timeout", "20s", "-shard", fmt.Sprintf("%d/2", i+1), "-classroom50", "-o", out, class)
			if code != 0 {
				failures[i] = fmt.Sprintf("grade shard %d: exit %d\n%s\n%s", i+1, code, stdout, stderr)
			}
			t.Logf("shard %d/2 graded in %v", i+1, time.Since(start).Round(time.Millisecond))
		})
	}
	wg.Wait()
	for _, f := range failures {
		if f != "" {
			t.Fatal(f)
		}
	}
	for _, out := range shards {
		if _, err := os.Stat(filepath.Join(out, grade.WorkDir)); !os.IsNotExist(err) {
			t.Errorf("%s: the work folder is still there after grading (%v)", out, err)
		}
		checkClassOutputs(t, out)
	}
	merged := filepath.Join(base, "merged")
	if code, stdout, stderr := runChecker(t, nil, "merge", "-o", merged, shards[0], shards[1]); code != 0 {
		t.Fatalf("merge: exit %d\n%s\n%s", code, stdout, stderr)
	}
	whole := filepath.Join(base, "whole")
	for _, shard := range shards {
		entries, _ := os.ReadDir(shard)
		for _, e := range entries {
			if e.IsDir() {
				os.MkdirAll(filepath.Join(whole, e.Name()), 0o755)
				for _, f := range []string{gradebook.StateFile, gradebook.ExercismFile, gradebook.ClassroomFile} {
					if data, err := os.ReadFile(filepath.Join(shard, e.Name(), f)); err == nil {
						os.WriteFile(filepath.Join(whole, e.Name(), f), data, 0o644)
					}
				}
			}
		}
	}
	code, stdout, stderr := runChecker(t, nil, "grade", "-labs", "6", "-runs", "2", "-resume", "-o", whole, class)
	if code != 0 || strings.Contains(stderr, "from the earlier run") == false {
		t.Fatalf("unsharded resume: exit %d\n%s\n%s", code, stdout, stderr)
	}
	for _, f := range []string{gradebook.CSVFile, gradebook.JSONFile, gradebook.JUnitFile, gradebook.SummaryFile, gradebook.HTMLFile} {
		if a, b := normalize([]byte(read(t, filepath.Join(merged, f)))), normalize([]byte(read(t, filepath.Join(whole, f)))); a != b {
			t.Errorf("%s: the merge of the shards differs from the unsharded gradebook", f)
		}
	}

	book, err := gradebook.Read(filepath.Join(merged, gradebook.JSONFile))
	if err != nil {
		t.Fatal(err)
	}
	if len(book.Submissions) != len(want) {
		t.Errorf("%d rows, want %d (one per submission)", len(book.Submissions), len(want))
	}
	for _, s := range book.Submissions {
		w, ok := want[s.Name]
		if !ok {
			t.Errorf("unexpected submission %s", s.Name)
			continue
		}
		t.Run(s.Name, func(t *testing.T) { checkSubmission(t, merged, s, w) })
	}
	checkReportInBrowser(t, filepath.Join(merged, gradebook.HTMLFile), len(want))
	// No output names a path of the grader's: the class folder, the
	// output folders (all in the test's temporary folder), the course.
	leaks(t, base, secret, grade.WorkDir, "racelab-judge-", "racelab-verdict-",
		filepath.Dir(filepath.Dir(class)), base, root)
}

// leaks fails the test when any file under dir holds one of the strings:
// what the grader must never let a student's program put into an output.
func leaks(t *testing.T, dir string, never ...string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, s := range never {
			if strings.Contains(string(data), s) {
				t.Errorf("%s holds %q: something of the grader leaked into an output", p, s)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func checkSubmission(t *testing.T, out string, s gradebook.Submission, w expectation) {
	if w.status == "error" {
		if s.Status != gradebook.Error || !strings.Contains(s.Error, w.error) {
			t.Errorf("status %s error %q, want an error row about %q", s.Status, s.Error, w.error)
		}
		checkPlatformFiles(t, out, s, w)
		return
	}
	if s.Status != gradebook.Graded || len(s.Labs) != 1 {
		t.Fatalf("status %s (%s), %d labs", s.Status, s.Error, len(s.Labs))
	}
	r := s.Labs[0]
	if r.Status != w.status || r.Reason != w.reason {
		t.Errorf("lab 06: %s (%s: %s), want %s (%s)\n%s", r.Status, r.Reason, r.Message, w.status, w.reason, strings.Join(r.Details, "\n"))
	}
	if r.Status == "fail" && r.Message == "" {
		t.Errorf("a failed lab without a reason in words")
	}
	feedback := strings.Join(append([]string{r.Message}, r.Details...), "\n")
	for _, n := range s.Notes {
		feedback += "\nnote:" + n
	}
	for _, p := range s.Protected {
		feedback += "\nprotected:" + p
	}
	for _, p := range s.Ignored {
		feedback += "\nignored:" + p
	}
	for _, d := range w.details {
		if !strings.Contains(feedback, d) {
			t.Errorf("feedback lacks %q:\n%s", d, feedback)
		}
	}
	var ex gradebook.ExercismResult
	if err := json.Unmarshal([]byte(read(t, filepath.Join(out, s.Name, gradebook.ExercismFile))), &ex); err != nil {
		t.Fatal(err)
	}
	wantStatus := w.status
	if w.reason == "build" {
		wantStatus = "error" // exercism: the test did not run
	}
	if ex.Version != 3 || len(ex.Tests) != 1 || ex.Tests[0].Status != wantStatus || ex.Tests[0].TaskID != 6 {
		t.Errorf("results.json: %+v", ex)
	}
	checkPlatformFiles(t, out, s, w)
}

// checkReportInBrowser opens the class's report in headless Chromium at a
// student's feedback and checks that the overview and the feedback show.
func checkReportInBrowser(t *testing.T, page string, submissions int) {
	var bin string
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("chromium is missing in CI")
		}
		t.Log("chromium not installed: report not checked in a browser")
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--user-data-dir="+t.TempDir(), "--dump-dom", "file://"+page+"#sort=-percent&s-broken").Output()
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	dom := string(out)
	for _, want := range []string{`<h2>Class overview</h2>`, fmt.Sprintf(`id="kpi-submissions">%d<`, submissions), `id="kpi-errors">3<`, `06-waitgroup`,
		`<details class="student" id="s-broken" open="">`, `declared and not used`, `data-sorted="-percent"`} {
		if !strings.Contains(dom, want) {
			t.Errorf("the report in Chromium does not show %q", want)
		}
	}
}

// TestGradeRelativeOut grades the bundled example class's ana into an
// output folder named relative to the working directory, as make
// grade-example does (-o grades/example): the judges run in their lab's
// folder, so a relative path to them was "no such file or directory" and
// every lab of every student an error.
func TestGradeRelativeOut(t *testing.T) {
	needTools(t)
	root := repoRoot(t)
	out, err := filepath.Rel(root, filepath.Join(t.TempDir(), "grades"))
	if err != nil || filepath.IsAbs(out) {
		t.Skipf("no relative path from %s to the temporary folder", root)
	}
	code, stdout, stderr := runChecker(t, nil, "grade", "-labs", "6", "-runs", "1", "-progress", "plain", "-o", out, "checker/testdata/class/ana")
	if code != 0 {
		t.Fatalf("grade exited %d:\n%s%s", code, stdout, stderr)
	}
	data, err := os.ReadFile(filepath.Join(root, out, "gradebook.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "ana,graded,10,") {
		t.Errorf("ana's lab 06 (wg.Go) should pass with a relative -o, got:\n%s", data)
	}
}
