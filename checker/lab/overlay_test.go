package lab

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestContentTime(t *testing.T) {
	a, b := []byte("package main // a\n"), []byte("package main // b\n")
	assert.Equal(t, contentTime(a), contentTime([]byte(string(a))), "one content, one time")
	assert.NotEqual(t, contentTime(a), contentTime(b), "two contents of one size")
	for _, data := range [][]byte{nil, a, b} {
		got := contentTime(data)
		assert.True(t, got.After(time.Date(2000, 12, 31, 0, 0, 0, 0, time.UTC)), got)
		assert.True(t, got.Before(time.Now().Add(-time.Hour)), "%v: the go command indexes only a file older than 2s", got)
	}
}

// Two submissions of one file name and one size, the second importing a
// package the first does not, built one after the other: with the files'
// own write times, taken in one tick of the clock, the second build failed
// with "could not import maps (open : no such file or directory)".
func TestOverlaysOfOneSizeBuildApart(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	mod := t.TempDir()
	prog := filepath.Join(mod, "prog")
	require.NoError(t, os.MkdirAll(prog, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module example.com/overlay\n\ngo 1.22\n"), 0o644))
	shipped := filepath.Join(prog, "main.go")
	require.NoError(t, os.WriteFile(shipped, []byte("package main\n\nfunc main() {}\n"), 0o644))
	// The go command indexes a folder only when none of its files
	// changed in the last 2 seconds.
	old := time.Now().Add(-time.Hour)
	require.NoError(t, os.Chtimes(shipped, old, old))

	plain := "package main\n\nfunc main() { println(len(map[int]int{})) }\n"
	imports := "package main\n\nimport \"maps\"\n\nfunc main() { maps.Clone(map[int]int{}) }\n"
	plain += "//" + strings.Repeat("x", len(imports)-len(plain)-3) + "\n"
	require.Len(t, plain, len(imports))

	for i, src := range []string{plain, imports} {
		dir := filepath.Join(t.TempDir(), "submission")
		require.NoError(t, os.MkdirAll(dir, 0o755))
		overlay, err := WriteOverlay(dir, prog, map[string][]byte{"main.go": []byte(src)})
		require.NoError(t, err)
		cmd := exec.Command("go", "build", "-overlay", overlay, "-o", filepath.Join(dir, "prog"), "./prog")
		cmd.Dir = mod
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=")
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "build %d:\n%s", i+1, out)
	}
}

func TestWriteOverlayReplacesByName(t *testing.T) {
	dir := t.TempDir()
	overlay, err := WriteOverlay(dir, "/course/labs/01/prog", map[string][]byte{"a.go": []byte("package a\n")})
	require.NoError(t, err)
	data, err := os.ReadFile(overlay)
	require.NoError(t, err)
	assert.JSONEq(t, `{"Replace":{"/course/labs/01/prog/a.go":"`+filepath.Join(dir, "a.go")+`"}}`, string(data))
	fi, err := os.Stat(filepath.Join(dir, "a.go"))
	require.NoError(t, err)
	assert.True(t, fi.ModTime().Equal(contentTime([]byte("package a\n"))), fi.ModTime())
}
