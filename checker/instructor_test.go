package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/racelab/racelab/checker/internal/verify"
	"github.com/racelab/racelab/checker/lab"
)

// These tests run the instructor's commands as a person would, each in a
// private copy of the repository: nothing they create touches the tree.

// copyRepo copies the repository (without .git and build output) into a
// temporary directory and returns the copy's root.
func copyRepo(t *testing.T) string {
	t.Helper()
	src, err := filepath.Abs("..")
	require.NoError(t, err)
	dst := t.TempDir()
	err = filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() && otherLab(rel) {
			return filepath.SkipDir // the tests count labs from 06-waitgroup alone
		}
		if rel == ".git" || rel == ".bin" || rel == "grades" {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil // a worktree's .git is a file; SkipDir would skip its siblings
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	require.NoError(t, err)
	return dst
}

// otherLab reports whether rel is a lab (or solution) directory other than
// lab 06's: the copies hold lab 06 alone, so that the labs the tests create
// are numbered 07 however many labs the course has.
func otherLab(rel string) bool {
	parts := strings.Split(filepath.ToSlash(rel), "/")
	if len(parts) != 2 || (parts[0] != "labs" && parts[0] != "solutions") {
		return false
	}
	return parts[1] != "internal" && parts[1] != "06-waitgroup"
}

// checker runs the checker in root and returns its exit status and output.
func checker(t *testing.T, root string, args ...string) (int, string) {
	t.Helper()
	var out bytes.Buffer
	e := &env{stdout: &out, stderr: io.Discard, stdin: strings.NewReader(""), getenv: func(string) string { return "" }, root: root}
	code := runMain(context.Background(), e, args)
	return code, out.String()
}

// `checker new` makes a lab that verify proves at once, and whose "left to
// write" is exactly the text only the instructor can write; once written,
// nothing is left.
func TestNewThenVerify(t *testing.T) {
	t.Parallel()
	root := copyRepo(t)
	code, out := checker(t, root, "new", "bank-transfer", "--fix", "mutex", "--concept", "mutex,check-then-act", "--file", "bank.go")
	require.Equal(t, 0, code, out)
	assert.Contains(t, out, "created lab 07-bank-transfer")

	code, out = checker(t, root, "verify", "-count", "1", "7")
	assert.Equal(t, 1, code, "a draft is not finished:\n%s", out)
	assert.Regexp(t, `07-bank-transfer +race 3/3 +pass 3/3 +4/4 rejected +draft`, out, "proven, with its runs under load")
	i := strings.Index(out, "left to write:\n")
	require.GreaterOrEqual(t, i, 0, out)
	var toWrite []string
	for _, line := range strings.Split(out[i+len("left to write:\n"):], "\n") {
		if !strings.HasPrefix(line, "- ") {
			break
		}
		toWrite = append(toWrite, strings.TrimPrefix(line, "- "))
	}
	assert.Equal(t, []string{
		"labs/07-bank-transfer/lab.toml: title.en: the lab's title",
		"labs/07-bank-transfer/lab.toml: title.id: judul lab",
		"labs/07-bank-transfer/lab.toml: hint[1].en: a gentle nudge: what should the student look at first?",
		"labs/07-bank-transfer/lab.toml: hint[1].id: petunjuk ringan: apa yang perlu dilihat lebih dulu?",
		"labs/07-bank-transfer/lab.toml: hint[2].en: nearly the answer: which tool, used where?",
		"labs/07-bank-transfer/lab.toml: hint[2].id: hampir jawabannya: alat apa, dipakai di mana?",
		"labs/07-bank-transfer/README.id.md:1: judul lab, sama dengan di lab.toml",
		"labs/07-bank-transfer/README.id.md:7: jelaskan gagasan yang diajarkan lab ini dalam beberapa paragraf pendek",
		"labs/07-bank-transfer/README.id.md:11: katakan apa yang harus benar, tanpa membocorkan perbaikannya",
		"labs/07-bank-transfer/README.md:1: the lab's title, as in lab.toml",
		"labs/07-bank-transfer/README.md:7: explain the idea the lab teaches in a few short paragraphs (a diagram helps)",
		"labs/07-bank-transfer/README.md:11: say what the student must make true, without giving the fix away",
		"labs/07-bank-transfer/bank/bank.go:3: replace this example with the lab's program.",
		"labs/07-bank-transfer/lab_test.go:17: compute what the lab's program must print from the script's arguments.",
		"labs/07-bank-transfer/testdata/total.txtar:1: say, in a student's words, what this script checks (it is shown when it fails).",
		"labs/07-bank-transfer/testdata/total.txtar:3: katakan dalam bahasa mahasiswa apa yang dicek script ini.",
		"solutions/07-bank-transfer/bank.go:3: replace this example fix with the fix of the lab's program.",
	}, toWrite)

	// The instructor writes everything; the lab is then finished.
	for _, dir := range []string{"labs/07-bank-transfer", "solutions/07-bank-transfer"} {
		require.NoError(t, filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			return os.WriteFile(path, bytes.ReplaceAll(data, []byte(lab.Placeholder+": "), nil), 0o644)
		}))
	}
	l, err := lab.Load(filepath.Join(root, "labs", "07-bank-transfer"))
	require.NoError(t, err)
	assert.Empty(t, verify.Unwritten(root, l))
	assert.Empty(t, verify.Structure(root, l))
}

// A lab that is wrong in each of the ways the issue names is rejected,
// with a message naming every problem.
func TestBrokenLabsAreRejected(t *testing.T) {
	t.Parallel()
	root := copyRepo(t)
	lab01 := filepath.Join(root, "labs", "06-waitgroup")
	read := func(path string) string {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		return string(data)
	}
	put := func(rel, content string) {
		path := filepath.Join(root, rel)
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
	}
	clone := func(name string) {
		// The whole lab, fixtures and all, whatever files it has now.
		require.NoError(t, os.CopyFS(filepath.Join(root, "labs", name), os.DirFS(lab01)))
		put("solutions/"+name+"/squares.go", read(filepath.Join(root, "solutions", "06-waitgroup", "squares.go")))
	}

	// 02-flaky: the shipped program waits for its goroutines on one thread
	// (so it passes) and not on two; its scripts demand no overlap, so a
	// serialised "fix" passes; and its last hint is not translated (copied:
	// a missing one would make lab.toml invalid, and the judge refuses to
	// run a lab whose metadata is invalid at all).
	clone("02-flaky")
	shipped := read(filepath.Join(lab01, "squares", "squares.go"))
	shipped = strings.Replace(shipped, "\t\"fmt\"\n", "\t\"fmt\"\n\t\"runtime\"\n\t\"sync\"\n", 1)
	shipped = strings.Replace(shipped, "\tsquares := make([]int, *n)\n", "\tsquares := make([]int, *n)\n\tvar wg sync.WaitGroup\n", 1)
	shipped = strings.Replace(shipped, "\t\tgo func() {\n", "\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n", 1)
	shipped = strings.Replace(shipped, "\ttotal := 0\n", "\tif runtime.GOMAXPROCS(0) == 1 {\n\t\twg.Wait()\n\t}\n\ttotal := 0\n", 1)
	put("labs/02-flaky/squares/squares.go", shipped)
	for _, s := range []string{"one", "sum"} {
		script := read(filepath.Join(lab01, "testdata", s+".txtar"))
		put("labs/02-flaky/testdata/"+s+".txtar", regexp.MustCompile(`(?m)^env RACELAB_OVERLAP=.*\n`).ReplaceAllString(script, ""))
	}
	toml := read(filepath.Join(lab01, "lab.toml"))
	hints := strings.Count(toml, "[[hint]]")
	last := strings.LastIndex(toml, "\nid = ")
	lastEN := strings.LastIndex(toml, "\nen = ")
	put("labs/02-flaky/lab.toml", toml[:last+1]+"id"+toml[lastEN+3:last])

	// 03-leaky: the solution leaves a goroutine blocked forever.
	clone("03-leaky")
	solution := read(filepath.Join(root, "solutions", "06-waitgroup", "squares.go"))
	put("solutions/03-leaky/squares.go", strings.Replace(solution, "\twg.Wait() // fix:", "\tgo func() { select {} }() // fix: a goroutine nobody ends\n\twg.Wait() // fix:", 1))

	tests := []struct {
		lab  string
		args []string
		want []string
	}{
		{"2", nil, []string{
			"02-flaky ",
			fmt.Sprintf("labs/02-flaky/lab.toml: hint[%d].id: the same text as hint[%[1]d].en: translate it into Bahasa Indonesia", hints),
			"shipped: flaky: the shipped program passed 1 of 2 runs (GOMAXPROCS=1: pass 1 of 1; GOMAXPROCS=2: race 1 of 1)",
			"passes every run on one thread and fails every run on two",
			"cheat no-go@",
			"cheat serialise (the solution with each goroutine holding one lock for its whole life) was accepted in 2 of 2 runs",
		}},
		// The cheats of a leaking solution all leak too: not worth their time.
		{"3", []string{"-mutants=false"}, []string{
			"03-leaky ",
			"solution: fails every run (GOMAXPROCS=1: leak 1 of 1; GOMAXPROCS=2: leak 1 of 1)",
			"goroutines were still running or blocked when main returned",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.lab, func(t *testing.T) {
			t.Parallel()
			args := append(append([]string{"verify", "-count", "1", "-hog=false"}, tt.args...), tt.lab)
			code, out := checker(t, root, args...)
			assert.Equal(t, 1, code)
			assert.Contains(t, out, "0 ok, 0 draft, 1 FAIL")
			for _, want := range tt.want {
				assert.Contains(t, out, want)
			}
		})
	}
}

// importCase is one racy/fixed pair of checker/testdata/import and what its
// import must report.
type importCase struct {
	name  string
	args  []string // after RACY --solution FIXED
	racy  string   // default: racy (and fixed) directories
	fixed string
	want  []string
	// quick cases run in every `go test`; the rest with RACELAB_IMPORT_ALL=1,
	// to keep the suite's time modest (each import builds and runs its lab
	// some twenty times).
	quick bool
}

func importCases() []importCase {
	return []importCase{
		{name: "loop-counter", racy: "racy.go", fixed: "fixed.go", args: []string{"--fix", "any"}, quick: true,
			want: []string{"the single files racy.go and fixed.go are one program file, loop_counter.go",
				"racy loop_counter.go:12: the loop's variable `i` is declared once, before the loop",
				"the program has no go.mod, and its fix stops goroutines from holding a loop variable",
				"func main is now func run, which main.go (a fixture) hands to program.Main",
				`expect = "race"`}},
		{name: "bank", args: []string{"--fix", "mutex", "--args", "-clients 20 -amount 5"}, quick: true,
			want: []string{"the student edits account.go", "main.go is now bank.go", "bank.go is the same in both programs: a fixture",
				"the fixed program starts 20 goroutines"}},
		{name: "stats-gomod", args: []string{"--fix", "atomic"}, quick: true,
			want: []string{"os.Exit(0) in main is now return", "still calls os.Exit (stats_gomod.go:", "os.Exit → exit",
				"the fixed program starts 20 goroutines", `expect = "race"`}},
		{name: "first-response", args: []string{"--fix", "channel"}, quick: true,
			want: []string{"time.Sleep → sleep", `expect = "leak"`}},
		// Blocking bugs whose programs watch for their own hang (defect: they
		// were measured as "fail"), and a replaced call that held the only
		// use of math/rand/v2 (defect: the rewrite dropped the import).
		{name: "abba-deadlock", args: []string{"--fix", "mutex"}, quick: true,
			want: []string{"racy replicas.go:44: a select case that gives up when a timer fires", "that watch is taken out of both programs",
				"time.Sleep → sleep", "starts 3 goroutines", `expect = "deadlock"`}},
		{name: "timeout-leak", args: []string{"--fix", "channel"}, quick: true,
			want: []string{"racy timeout_leak.go:43: a check that counts goroutines (runtime.NumGoroutine) and gives up",
				"time.Sleep → sleep", "starts 3 goroutines", `expect = "leak"`}},
		// Hang detection the import does not recognise (a polling loop):
		// measured again under a judge's watchdog shorter than its own.
		// Its fix only moves an Unlock before the send: a change that uses
		// no fix kind, so without --fix the lab accepts any correct fix (and
		// --fix mutex would grade its own solution other-kind: see
		// TestImportFixNotUsed).
		{name: "lock-send-deadlock", quick: true,
			// Its own watch (an if on time.Since that exits 1) is taken out, so
			// the judge's watchdog sees the deadlock, however loaded the machine.
			want: []string{"a check of the time waited (time.Since) that gives up", `the racy program: deadlock 4/4`,
				"starts 2 goroutines", `expect = "deadlock"`, `fix = ["any"]: the solution's change uses no synchronising use`}},
		{name: "jitter-rand", args: []string{"--fix", "mutex"}, quick: true,
			want: []string{"time.Sleep → sleep", "starts 8 goroutines", `expect = "race"`}},
		{name: "counter", args: []string{"--fix", "mutex"}, want: []string{"starts 100 goroutines"}},
		{name: "map-writes", args: []string{"--fix", "mutex"}},
		{name: "slice-append", args: []string{"--fix", "mutex"}},
		{name: "loopvar-gomod", args: []string{"--fix", "any"}, want: []string{"written for Go 1.20"}},
		{name: "send-close", args: []string{"--fix", "waitgroup"}},
		{name: "double-checked", args: []string{"--fix", "once"}},
		{name: "shared-err", args: []string{"--fix", "any"}},
		{name: "cache-rwmutex", args: []string{"--fix", "rwmutex"}},
		{name: "sleep-wait", args: []string{"--fix", "waitgroup"}},
	}
}

// Each program of checker/testdata/import becomes a lab that verify
// accepts, as it is: proven, with only text left to write.
func TestImport(t *testing.T) {
	all := os.Getenv("RACELAB_IMPORT_ALL") == "1"
	dir, err := filepath.Abs(filepath.Join("testdata", "import"))
	require.NoError(t, err)
	for _, tc := range importCases() {
		t.Run(tc.name, func(t *testing.T) {
			if !tc.quick && !all {
				t.Skip("set RACELAB_IMPORT_ALL=1 to import every test program")
			}
			t.Parallel()
			racy, fixed := filepath.Join(dir, tc.name, "racy"), filepath.Join(dir, tc.name, "fixed")
			if tc.racy != "" {
				racy, fixed = filepath.Join(dir, tc.name, tc.racy), filepath.Join(dir, tc.name, tc.fixed)
			}
			root := copyRepo(t)
			args := append([]string{"import", racy, "--solution", fixed, "-count", "1", "-hog=false"}, tc.args...)
			code, out := checker(t, root, args...)
			assert.Equal(t, 0, code, "import of %s:\n%s", tc.name, out)
			assert.Regexp(t, `(?m)^07-\S+ +\S+ 2/2 +pass 2/2 +(\d+)/(\d+) rejected +draft$`, out)
			assert.Contains(t, out, "✓ labs/07-")
			for _, w := range tc.want {
				assert.Contains(t, out, w)
			}
			// What is left is text, not code: hints, titles, READMEs, why.
			assert.Contains(t, out, "lab.toml: hint[1].en:")
			assert.Contains(t, out, "say why this line changed")
			assert.NotContains(t, out, "problems:")
			requireGofmt(t, root)
			requireGoroutineDemand(t, root, out)
		})
	}
}

// requireGoroutineDemand fails unless the imported lab's script demands the
// goroutines the import measured (program.Main counts them), and nothing of
// the old check is left: no fixture of its own, nothing deferred in the
// student's file, no overlap window.
func requireGoroutineDemand(t *testing.T, root, out string) {
	t.Helper()
	labs, err := filepath.Glob(filepath.Join(root, "labs", "07-*"))
	require.NoError(t, err)
	require.Len(t, labs, 1)
	script, err := os.ReadFile(filepath.Join(labs[0], "testdata", "run.txtar"))
	require.NoError(t, err)
	m := regexp.MustCompile(`the fixed program starts (\d+) goroutines; the script demands them all \(env RACELAB_MIN_GOROUTINES=(\d+)\)`).FindStringSubmatch(out)
	require.NotNil(t, m, "the report names the demand:\n%s", out)
	assert.Equal(t, m[1], m[2])
	assert.Contains(t, string(script), "\nenv RACELAB_MIN_GOROUTINES="+m[1]+"\n")
	for _, gone := range []string{"RACELAB_WINDOW", "RACELAB_MEASURE"} {
		assert.NotContains(t, string(script), gone)
	}
	err = filepath.WalkDir(labs[0], func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		assert.NotEqual(t, "goroutines.go", d.Name(), "the old check's fixture")
		src, err := os.ReadFile(path)
		if err == nil {
			assert.NotContains(t, string(src), "keepGoroutines", path)
		}
		return err
	})
	require.NoError(t, err)
}

// requireGofmt fails when a generated file would fail `make vet`.
func requireGofmt(t *testing.T, root string) {
	t.Helper()
	cmd := exec.Command("gofmt", "-l", "labs", "solutions")
	cmd.Dir = root
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.Empty(t, strings.TrimSpace(string(out)), "files gofmt would change")
}

// A --fix the solution's change does not use is refused with what the
// change does use: the lab would grade its own solution other-kind.
func TestImportFixNotUsed(t *testing.T) {
	t.Parallel()
	dir, err := filepath.Abs(filepath.Join("testdata", "import", "bank"))
	require.NoError(t, err)
	root := copyRepo(t)
	code, out := checker(t, root, "import", filepath.Join(dir, "racy"), "--solution", filepath.Join(dir, "fixed"),
		"--fix", "channel", "--args", "-clients 20 -amount 5", "-verify=false")
	assert.Equal(t, 1, code, out)
	assert.Contains(t, out, "--fix channel: the solution does not use it.")
	assert.Contains(t, out, "the solution's change uses mutex, so a student who made this very change would be graded other-kind. Import with --fix mutex")
	assert.Contains(t, out, "is not proven yet")
}

// A program whose race shows only on some runs is not accepted: the import
// says it is flaky, with the counts by condition.
func TestImportFlaky(t *testing.T) {
	t.Parallel()
	dir, err := filepath.Abs(filepath.Join("testdata", "import-flaky", "cpu-workers"))
	require.NoError(t, err)
	root := copyRepo(t)
	code, out := checker(t, root, "import", filepath.Join(dir, "racy"), "--solution", filepath.Join(dir, "fixed"), "--fix", "mutex", "-verify=false")
	assert.Equal(t, 1, code, out)
	assert.Contains(t, out, "flaky: the shipped program passed 2 of 4 runs (GOMAXPROCS=1: pass 2 of 2; GOMAXPROCS=2: race 2 of 2)")
	assert.Contains(t, out, "passes every run on one thread and fails every run on two")
	assert.Contains(t, out, "runtime.GOMAXPROCS → gomaxprocs")
	assert.Contains(t, out, "✗ labs/07-cpu-workers is not proven yet")
}
