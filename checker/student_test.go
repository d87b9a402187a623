package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/racelab/racelab/checker/internal/termtext"
	"github.com/racelab/racelab/checker/internal/workspace"
	"github.com/racelab/racelab/checker/lab"
)

// The student tests use the waitgroup lab, whatever its number in the
// course: they find it by its slug.
const testSlug = "waitgroup"

// clone makes a private git clone-like copy of the repository, with the
// waitgroup lab only, so the student commands can be run against it. It
// returns the copy's root and the lab as found there.
func clone(t *testing.T) (string, *lab.Lab) {
	t.Helper()
	return cloneLab(t, testSlug)
}

// cloneLab is clone for the lab of the given slug, with its reference
// solution (one file per editable file).
func cloneLab(t *testing.T, slug string) (string, *lab.Lab) {
	t.Helper()
	all, _ := lab.Discover("..")
	l, err := lab.Find(all, slug)
	require.NoError(t, err)
	name := l.Name()
	ws, err := workspace.New("..", t.TempDir(), nil)
	require.NoError(t, err)
	labs, err := os.ReadDir(filepath.Join(ws.Dir, "labs"))
	require.NoError(t, err)
	for _, d := range labs {
		if d.IsDir() && d.Name() != "internal" && d.Name() != name {
			require.NoError(t, os.RemoveAll(filepath.Join(ws.Dir, "labs", d.Name())))
		}
	}
	for _, f := range l.Editable {
		sol, err := os.ReadFile("../solutions/" + name + "/" + f)
		require.NoError(t, err)
		require.NoError(t, ws.Write("solutions/"+name+"/"+f, sol))
	}
	for _, args := range [][]string{
		{"init", "-q"}, {"add", "-A"},
		{"-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "shipped"},
	} {
		cmd := exec.Command("git", args...)
		cmd.Dir = ws.Dir
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, string(out))
	}
	all, _ = lab.Discover(ws.Dir)
	l, err = lab.Find(all, slug)
	require.NoError(t, err)
	return ws.Dir, l
}

// syncBuffer is a bytes.Buffer safe for the watch test, which reads while
// the command writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// studentChecker runs a command against root, returning its exit code and
// output.
func studentChecker(t *testing.T, root string, vars map[string]string, args ...string) (int, string) {
	t.Helper()
	var out syncBuffer
	code := runMain(context.Background(), envFor(root, vars, &out), args)
	return code, out.String()
}

func envFor(root string, vars map[string]string, out *syncBuffer) *env {
	return &env{
		stdout: out, stderr: out, stdin: strings.NewReader(""),
		getenv: func(k string) string { return vars[k] },
		root:   root, dir: root,
	}
}

// viaMake is the environment make gives the checker.
var viaMake = map[string]string{"MAKELEVEL": "1"}

func TestHintsAreProgressiveAndRemembered(t *testing.T) {
	root, l := clone(t)
	n := fmt.Sprint(l.Number)
	k := len(l.Hints)
	require.GreaterOrEqual(t, k, 3)
	_, out := studentChecker(t, root, viaMake, "hint", n)
	assert.Contains(t, out, fmt.Sprintf("Hint 1 of %d for lab %s", k, l.Name()))
	assert.Contains(t, out, "make hint N="+n)
	_, out = studentChecker(t, root, map[string]string{"L": "id"}, "hint", l.Name())
	assert.Contains(t, out, fmt.Sprintf("Petunjuk 2 dari %d", k))
	assert.Contains(t, out, "L=id go tool checker hint "+n, "the suggestion keeps L=id")
	for i := 3; i <= k; i++ {
		_, out = studentChecker(t, root, nil, "hint", testSlug)
		assert.Contains(t, out, fmt.Sprintf("Hint %d of %d", i, k))
	}
	assert.Contains(t, out, "That was the last hint")
	_, out = studentChecker(t, root, nil, "hint", n)
	assert.Contains(t, out, fmt.Sprintf("Hint %d of %d", k, k), "the last hint stays the last")
	code, out := studentChecker(t, root, nil, "hint", "99")
	assert.Equal(t, 2, code)
	assert.Contains(t, out, `there is no lab "99"`)
}

// From inside a lab's folder the lab needs no number.
func TestCommandsFindTheLabFromItsFolder(t *testing.T) {
	root, l := clone(t)
	var out syncBuffer
	e := envFor(root, viaMake, &out)
	e.dir = l.ProgramDir()
	assert.Equal(t, 0, runMain(context.Background(), e, []string{"hint"}), out.String())
	assert.Contains(t, out.String(), fmt.Sprintf("Hint 1 of %d for lab %s", len(l.Hints), l.Name()))

	code, text := studentChecker(t, root, map[string]string{"L": "id", "MAKELEVEL": "1"}, "hint")
	assert.Equal(t, 2, code, "outside a lab's folder a lab must be named")
	assert.Contains(t, text, "sebutkan satu lab")
	assert.Contains(t, text, "make hint N=")
	assert.Contains(t, text, "L=id`")
}

// Usage and bad input speak the student's language too.
func TestUsageErrorsInBothLanguages(t *testing.T) {
	id := map[string]string{"L": "id"}
	for _, tc := range []struct {
		args     []string
		en, idTx string
	}{
		{[]string{"lab", "-x", "1"}, "unknown option -x", "opsi -x tidak dikenal"},
		{[]string{"lab", "-runs", "many", "1"}, `option -runs: "many" is not a valid value`, `opsi -runs: "many" bukan nilai yang sah`},
		{[]string{"progress", "3"}, "takes no arguments", "tidak menerima argumen"},
		{[]string{"bogus"}, `unknown command "bogus"`, `perintah "bogus" tidak dikenal`},
		{[]string{"lab", "no-such-lab"}, `there is no lab "no-such-lab"`, `tidak ada lab "no-such-lab"`},
	} {
		code, out := studentChecker(t, "..", nil, tc.args...)
		assert.Equal(t, 2, code, "%v", tc.args)
		assert.Contains(t, out, tc.en)
		code, out = studentChecker(t, "..", id, tc.args...)
		assert.Equal(t, 2, code, "%v", tc.args)
		assert.Contains(t, out, tc.idTx)
	}
	_, out := studentChecker(t, "..", id, "help")
	assert.Contains(t, out, "perintah untuk siswa:")
	assert.Contains(t, out, "jalankan satu lab persis seperti grader")
	var text syncBuffer
	code := runMain(context.Background(), &env{stdout: &text, stderr: &text, stdin: strings.NewReader(""), getenv: func(string) string { return "" }}, []string{"lab", "1"})
	assert.Equal(t, 2, code)
	assert.Contains(t, text.String(), "not inside the racelab repository")
}

// make progress fits the terminal: at 60 columns the concepts go and the
// titles shorten; at 120 everything shows.
func TestProgressFitsTheTerminal(t *testing.T) {
	for _, width := range []int{60, 120} {
		for _, lang := range []string{"en", "id"} {
			vars := map[string]string{"COLUMNS": fmt.Sprint(width), "L": lang}
			code, out := studentChecker(t, "..", vars, "progress")
			require.Equal(t, 0, code, out)
			for _, line := range strings.Split(out, "\n") {
				assert.LessOrEqual(t, termtext.Len(line), width, "%d columns, %s: %q", width, lang, line)
			}
			if width == 120 && lang == "en" {
				assert.Contains(t, out, "CONCEPTS")
			}
			if width == 60 && lang == "en" {
				assert.NotContains(t, out, "CONCEPTS")
			}
		}
	}
}

func TestLabExplainsThenPasses(t *testing.T) {
	root, l := clone(t)
	n := fmt.Sprint(l.Number)
	runs := map[string]string{"RUNS": "2", "MAKELEVEL": "1"}
	code, out := studentChecker(t, root, runs, "lab", n)
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "Lab "+l.Name()+" does not pass yet: a data race")
	assert.Contains(t, out, "squares.go:"+lineOf(t, filepath.Join(l.ProgramDir(), "squares.go"), "squares[i] ="), "the student's own line")
	assert.NotContains(t, out, "program.go", "no frames of racelab's own")
	assert.Contains(t, out, "make lab N="+n)

	_, out = studentChecker(t, root, nil, "progress")
	assert.Contains(t, out, "✗ not passing yet")
	code, out = studentChecker(t, root, nil, "solution", n)
	assert.Equal(t, 1, code, "locked until the lab passes")
	assert.Contains(t, out, "opens once your own fix passes")

	sol, err := os.ReadFile(filepath.Join(root, "solutions", l.Name(), "squares.go"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(l.ProgramDir(), "squares.go"), sol, 0o644))
	code, out = studentChecker(t, root, map[string]string{"L": "id", "RUNS": "2"}, "lab", n)
	assert.Equal(t, 0, code, out)
	assert.Contains(t, out, "✓ Lab "+l.Name()+" lulus")
	assert.Contains(t, out, "Stabil: lulus 2/2 run di bawah beban", "the stability check after a pass")

	_, out = studentChecker(t, root, nil, "progress")
	assert.Contains(t, out, "✓ passed")
	assert.Contains(t, out, "1 of 1 labs passed, 10 of 10 points.")
	code, out = studentChecker(t, root, nil, "solution", n)
	assert.Equal(t, 0, code, out)
	assert.Contains(t, out, "is the reference fix, line for line")

	// Reset puts the file back and takes the pass away.
	code, out = studentChecker(t, root, nil, "reset", "-y", n)
	assert.Equal(t, 0, code, out)
	assert.Contains(t, out, "its pass is cleared")
	_, out = studentChecker(t, root, nil, "progress")
	assert.Contains(t, out, "0 of 1 labs passed")
}

// A testing lab (the student writes session_test.go) goes through the
// same commands: the shipped test fails as missed, naming the versions with
// a bug it does not catch; the reference test passes, and the stability
// run judges the folder of test binaries it builds, one per variant.
func TestTestingLabExplainsThenPasses(t *testing.T) {
	root, l := cloneLab(t, "testing")
	require.NotNil(t, l.Test, "lab %s is a testing lab", l.Name())
	n := fmt.Sprint(l.Number)
	code, out := studentChecker(t, root, map[string]string{"RUNS": "2"}, "lab", n)
	assert.Equal(t, 1, code, out)
	assert.Contains(t, out, "Lab "+l.Name()+" does not pass yet: your test passes against a version with a bug")
	for _, v := range l.Test.Variants {
		if !v.Correct {
			assert.Contains(t, out, "Your test misses a bug: it passes against "+v.Name, "the variant missed, by name")
			assert.Contains(t, out, v.Name+" has a bug: "+v.About.EN, "and what its bug is")
		}
	}
	assert.Contains(t, out, "edit labs/"+l.Name()+"/session/session_test.go")
	code, out = studentChecker(t, root, nil, "hint", n)
	assert.Equal(t, 0, code, out)
	assert.Contains(t, out, "Hint 1 of")

	file := filepath.Join(l.ProgramDir(), "session_test.go")
	sol, err := os.ReadFile(filepath.Join(root, "solutions", l.Name(), "session_test.go"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(file, sol, 0o644))
	code, out = studentChecker(t, root, map[string]string{"RUNS": "2"}, "lab", n)
	assert.Equal(t, 0, code, out)
	assert.Contains(t, out, "✓ Lab "+l.Name()+" passes")
	assert.Contains(t, out, "Stable: passes 2/2 runs under load", "the stability check judges every variant's binary")
	code, out = studentChecker(t, root, nil, "solution", n)
	assert.Equal(t, 0, code, out)
	assert.Contains(t, out, "session_test.go")

	code, out = studentChecker(t, root, nil, "reset", "-y", n)
	assert.Equal(t, 0, code, out)
	shipped, err := lab.ShippedFile(root, l.Rel("session_test.go"))
	require.NoError(t, err)
	got, err := os.ReadFile(file)
	require.NoError(t, err)
	assert.Equal(t, string(shipped), string(got), "reset puts the shipped test back")
}

func TestResetAsksAndKeepsABackup(t *testing.T) {
	root, l := clone(t)
	n := fmt.Sprint(l.Number)
	file := filepath.Join(l.ProgramDir(), "squares.go")
	shipped, err := os.ReadFile(file)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(file, []byte("my work\n"), 0o644))

	code, out := studentChecker(t, root, viaMake, "reset", n)
	assert.Equal(t, 2, code, "no terminal to ask on, and no -y")
	assert.Contains(t, out, "add -y (make reset N="+n+" Y=1)")

	code, out = studentChecker(t, root, nil, "reset", "-y", n)
	assert.Equal(t, 0, code, out)
	got, err := os.ReadFile(file)
	require.NoError(t, err)
	assert.Equal(t, string(shipped), string(got))
	backups, err := filepath.Glob(filepath.Join(root, backupDir, l.Name(), "squares.go.*"))
	require.NoError(t, err)
	require.Len(t, backups, 1)
	kept, err := os.ReadFile(backups[0])
	require.NoError(t, err)
	assert.Equal(t, "my work\n", string(kept))

	_, out = studentChecker(t, root, map[string]string{"L": "id"}, "reset", "-y", n)
	assert.Contains(t, out, "memang masih seperti semula")
}

// Without a terminal, watch prints as it goes and moves on after a pass.
func TestWatchRunsOnSaveAndMovesOn(t *testing.T) {
	root, l := clone(t)
	var out syncBuffer
	done := make(chan int)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() { done <- runMain(ctx, envFor(root, map[string]string{"RUNS": "0"}, &out), []string{"watch"}) }()

	waitFor := func(what string) {
		t.Helper()
		deadline := time.Now().Add(2 * time.Minute)
		for !strings.Contains(out.String(), what) {
			if time.Now().After(deadline) {
				t.Fatalf("watch never said %q; it said:\n%s", what, out.String())
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	waitFor("does not pass yet")
	sol, err := os.ReadFile(filepath.Join(root, "solutions", l.Name(), "squares.go"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(l.ProgramDir(), "squares.go"), sol, 0o644))
	waitFor("squares.go saved: running lab " + l.Name())
	waitFor("✓ Lab " + l.Name() + " passes")
	select {
	case code := <-done:
		assert.Equal(t, 0, code)
		assert.Contains(t, out.String(), "Every lab passes: nothing left to watch")
	case <-time.After(time.Minute):
		t.Fatal("watch did not finish after the last lab passed")
	}
}

func TestCourseMapIsUpToDate(t *testing.T) {
	code, out := studentChecker(t, "..", nil, "coursemap", "-check")
	assert.Equal(t, 0, code, out)
}

// lineOf is the number of the first line of file that contains text.
func lineOf(t *testing.T, file, text string) string {
	t.Helper()
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	for i, line := range strings.Split(string(data), "\n") {
		if strings.Contains(line, text) {
			return strconv.Itoa(i + 1)
		}
	}
	t.Fatalf("%s: no line contains %q", file, text)
	return ""
}
