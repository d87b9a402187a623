package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/racelab/racelab/checker/internal/workspace"
)

// clone makes a private git clone-like copy of the repository, with lab 06
// only, so the student commands can be run against it.
func clone(t *testing.T) string {
	t.Helper()
	ws, err := workspace.New("..", t.TempDir(), nil)
	require.NoError(t, err)
	labs, err := os.ReadDir(filepath.Join(ws.Dir, "labs"))
	require.NoError(t, err)
	for _, d := range labs {
		if d.Name() != "internal" && d.Name() != "06-waitgroup" {
			require.NoError(t, os.RemoveAll(filepath.Join(ws.Dir, "labs", d.Name())))
		}
	}
	sol, err := os.ReadFile("../solutions/06-waitgroup/squares.go")
	require.NoError(t, err)
	require.NoError(t, ws.Write("solutions/06-waitgroup/squares.go", sol))
	for _, args := range [][]string{
		{"init", "-q"}, {"add", "-A"},
		{"-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "shipped"},
	} {
		cmd := exec.Command("git", args...)
		cmd.Dir = ws.Dir
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, string(out))
	}
	return ws.Dir
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

// checker runs a command against root, returning its exit code and output.
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
		root:   root,
	}
}

func TestHintsAreProgressiveAndRemembered(t *testing.T) {
	root := clone(t)
	_, out := studentChecker(t, root, nil, "hint", "6")
	assert.Contains(t, out, "Hint 1 of 3 for lab 06-waitgroup")
	assert.Contains(t, out, "make hint N=6")
	_, out = studentChecker(t, root, map[string]string{"L": "id"}, "hint", "06-waitgroup")
	assert.Contains(t, out, "Petunjuk 2 dari 3")
	_, out = studentChecker(t, root, nil, "hint", "waitgroup")
	assert.Contains(t, out, "Hint 3 of 3")
	assert.Contains(t, out, "That was the last hint")
	_, out = studentChecker(t, root, nil, "hint", "6")
	assert.Contains(t, out, "Hint 3 of 3", "the last hint stays the last")
	code, out := studentChecker(t, root, nil, "hint", "99")
	assert.Equal(t, 2, code)
	assert.Contains(t, out, `no lab "99"`)
}

func TestLabExplainsThenPasses(t *testing.T) {
	root := clone(t)
	code, out := studentChecker(t, root, nil, "lab", "6")
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "Lab 06-waitgroup does not pass yet: a data race")
	assert.Contains(t, out, "squares.go:21", "the student's own line")
	assert.NotContains(t, out, "program.go", "no frames of racelab's own")
	assert.Contains(t, out, "make lab N=6")

	_, out = studentChecker(t, root, nil, "progress")
	assert.Contains(t, out, "✗ not passing yet")
	code, out = studentChecker(t, root, nil, "solution", "6")
	assert.Equal(t, 1, code, "locked until the lab passes")
	assert.Contains(t, out, "opens once your own fix passes")

	sol, err := os.ReadFile(filepath.Join(root, "solutions/06-waitgroup/squares.go"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(root, "labs/06-waitgroup/squares/squares.go"), sol, 0o644))
	code, out = studentChecker(t, root, map[string]string{"L": "id"}, "lab", "6")
	assert.Equal(t, 0, code, out)
	assert.Contains(t, out, "✓ Lab 06-waitgroup lulus")

	_, out = studentChecker(t, root, nil, "progress")
	assert.Contains(t, out, "✓ passed")
	assert.Contains(t, out, "1 of 1 labs passed, 10 of 10 points.")
	code, out = studentChecker(t, root, nil, "solution", "6")
	assert.Equal(t, 0, code, out)
	assert.Contains(t, out, "is the reference fix, line for line")
}

func TestResetAsksAndKeepsABackup(t *testing.T) {
	root := clone(t)
	file := filepath.Join(root, "labs/06-waitgroup/squares/squares.go")
	shipped, err := os.ReadFile(file)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(file, []byte("my work\n"), 0o644))

	code, out := studentChecker(t, root, nil, "reset", "6")
	assert.Equal(t, 2, code, "no terminal to ask on, and no -y")
	assert.Contains(t, out, "add -y")

	code, out = studentChecker(t, root, nil, "reset", "-y", "6")
	assert.Equal(t, 0, code, out)
	got, err := os.ReadFile(file)
	require.NoError(t, err)
	assert.Equal(t, string(shipped), string(got))
	backups, err := filepath.Glob(filepath.Join(root, backupDir, "06-waitgroup", "squares.go.*"))
	require.NoError(t, err)
	require.Len(t, backups, 1)
	kept, err := os.ReadFile(backups[0])
	require.NoError(t, err)
	assert.Equal(t, "my work\n", string(kept))

	_, out = studentChecker(t, root, map[string]string{"L": "id"}, "reset", "-y", "6")
	assert.Contains(t, out, "memang masih seperti semula")
}

func TestWatchRunsOnSaveAndMovesOn(t *testing.T) {
	root := clone(t)
	var out syncBuffer
	done := make(chan int)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() { done <- runMain(ctx, envFor(root, nil, &out), []string{"watch"}) }()

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
	sol, err := os.ReadFile(filepath.Join(root, "solutions/06-waitgroup/squares.go"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(root, "labs/06-waitgroup/squares/squares.go"), sol, 0o644))
	waitFor("squares.go saved: running lab 06-waitgroup")
	waitFor("✓ Lab 06-waitgroup passes")
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
