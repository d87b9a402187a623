package main

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"os"
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
		if rel == ".git" || rel == ".bin" || rel == "grades" {
			return filepath.SkipDir
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
	root := copyRepo(t)
	code, out := checker(t, root, "new", "bank-transfer", "--fix", "mutex", "--concept", "mutex,check-then-act", "--file", "bank.go")
	require.Equal(t, 0, code, out)
	assert.Contains(t, out, "created lab 02-bank-transfer")

	code, out = checker(t, root, "verify", "-count", "1", "2")
	assert.Equal(t, 1, code, "a draft is not finished:\n%s", out)
	assert.Regexp(t, `02-bank-transfer +race 3/3 +pass 3/3 +4/4 rejected +draft`, out, "proven, with its runs under load")
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
		"labs/02-bank-transfer/lab.toml: title.en: the lab's title",
		"labs/02-bank-transfer/lab.toml: title.id: judul lab",
		"labs/02-bank-transfer/lab.toml: hint[1].en: a gentle nudge: what should the student look at first?",
		"labs/02-bank-transfer/lab.toml: hint[1].id: petunjuk ringan: apa yang perlu dilihat lebih dulu?",
		"labs/02-bank-transfer/lab.toml: hint[2].en: nearly the answer: which tool, used where?",
		"labs/02-bank-transfer/lab.toml: hint[2].id: hampir jawabannya: alat apa, dipakai di mana?",
		"labs/02-bank-transfer/README.id.md:1: judul lab, sama dengan di lab.toml",
		"labs/02-bank-transfer/README.id.md:7: jelaskan gagasan yang diajarkan lab ini dalam beberapa paragraf pendek",
		"labs/02-bank-transfer/README.id.md:11: katakan apa yang harus benar, tanpa membocorkan perbaikannya",
		"labs/02-bank-transfer/README.md:1: the lab's title, as in lab.toml",
		"labs/02-bank-transfer/README.md:7: explain the idea the lab teaches in a few short paragraphs (a diagram helps)",
		"labs/02-bank-transfer/README.md:11: say what the student must make true, without giving the fix away",
		"labs/02-bank-transfer/bank.go:3: replace this example with the lab's program.",
		"labs/02-bank-transfer/lab_test.go:19: compute what the lab's program must print from the script's arguments.",
		"labs/02-bank-transfer/testdata/total.txtar:1: say, in a student's words, what this script checks (it is shown when it fails).",
		"solutions/02-bank-transfer/bank.go:3: replace this example fix with the fix of the lab's program.",
	}, toWrite)

	// The instructor writes everything; the lab is then finished.
	for _, dir := range []string{"labs/02-bank-transfer", "solutions/02-bank-transfer"} {
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
	l, err := lab.Load(filepath.Join(root, "labs", "02-bank-transfer"))
	require.NoError(t, err)
	assert.Empty(t, verify.Unwritten(root, l))
	assert.Empty(t, verify.Structure(root, l))
}

// A lab that is wrong in each of the ways the issue names is rejected,
// with a message naming every problem.
func TestBrokenLabsAreRejected(t *testing.T) {
	root := copyRepo(t)
	lab01 := filepath.Join(root, "labs", "01-waitgroup")
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
		for _, f := range []string{"README.md", "README.id.md", "lab.toml", "lab_test.go", "squares.go", "testdata/one.txtar", "testdata/sum.txtar"} {
			put("labs/"+name+"/"+f, read(filepath.Join(lab01, f)))
		}
		put("solutions/"+name+"/squares.go", read(filepath.Join(root, "solutions", "01-waitgroup", "squares.go")))
	}

	// 02-flaky: the shipped program waits for its goroutines on one thread
	// (so it passes) and not on two; its scripts demand no overlap, so a
	// serialised "fix" passes; and its last hint is not translated.
	clone("02-flaky")
	shipped := read(filepath.Join(lab01, "squares.go"))
	shipped = strings.Replace(shipped, "\t\"fmt\"\n", "\t\"fmt\"\n\t\"runtime\"\n\t\"sync\"\n", 1)
	shipped = strings.Replace(shipped, "\tsquares := make([]int, *n)\n", "\tsquares := make([]int, *n)\n\tvar wg sync.WaitGroup\n", 1)
	shipped = strings.Replace(shipped, "\t\tgo func() {\n", "\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n", 1)
	shipped = strings.Replace(shipped, "\ttotal := 0\n", "\tif runtime.GOMAXPROCS(0) == 1 {\n\t\twg.Wait()\n\t}\n\ttotal := 0\n", 1)
	put("labs/02-flaky/squares.go", shipped)
	for _, s := range []string{"one", "sum"} {
		script := read(filepath.Join(lab01, "testdata", s+".txtar"))
		put("labs/02-flaky/testdata/"+s+".txtar", regexp.MustCompile(`(?m)^env RACELAB_OVERLAP=.*\n`).ReplaceAllString(script, ""))
	}
	toml := read(filepath.Join(lab01, "lab.toml"))
	last := strings.LastIndex(toml, "\nid = ")
	put("labs/02-flaky/lab.toml", toml[:last+1])

	// 03-leaky: the solution leaves a goroutine blocked forever.
	clone("03-leaky")
	solution := read(filepath.Join(root, "solutions", "01-waitgroup", "squares.go"))
	put("solutions/03-leaky/squares.go", strings.Replace(solution, "\twg.Wait() // fix:", "\tgo func() { select {} }() // fix: a goroutine nobody ends\n\twg.Wait() // fix:", 1))

	code, out := checker(t, root, "verify", "-count", "1", "-hog=false", "2", "3")
	assert.Equal(t, 1, code)
	assert.Regexp(t, `02-flaky .* FAIL`, out)
	assert.Regexp(t, `03-leaky .* FAIL`, out)
	for _, want := range []string{
		"labs/02-flaky/lab.toml: hint[3].id: missing: write the Bahasa Indonesia hint",
		"shipped: flaky: the shipped program passed 1 of 2 runs (GOMAXPROCS=1: pass 1 of 1; GOMAXPROCS=2: race 1 of 1)",
		"cheat no-go@",
		"cheat serialise (the solution with each goroutine holding one lock for its whole life) was accepted in 2 of 2 runs",
		"solution: fails every run (GOMAXPROCS=1: leak 1 of 1; GOMAXPROCS=2: leak 1 of 1)",
		"goroutines were still running or blocked when main returned",
		"0 ok, 0 draft, 2 FAIL",
	} {
		assert.Contains(t, out, want)
	}
}
