package verify

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWrongFixes(t *testing.T) {
	root, l := newRepo(t)
	solution := map[string][]byte{"bank.go": []byte("package main // the fix\n")}
	wrong := filepath.Join(l.SolutionDir(root), WrongDir)

	got, problems := wrongFixes(root, l, solution)
	assert.Empty(t, got, "no wrong/ folder: nothing to run")
	assert.Empty(t, problems)

	write(t, filepath.Join(wrong, "unlock-early", "bank.go"), "// Unlocks before the write.\npackage main\n")
	got, problems = wrongFixes(root, l, solution)
	assert.Empty(t, problems)
	require.Len(t, got, 1)
	assert.Equal(t, "wrong/unlock-early", got[0].name)
	assert.Equal(t, "Unlocks before the write.", got[0].about)
	assert.Equal(t, "// Unlocks before the write.\npackage main\n", string(got[0].files["bank.go"]))
	assert.Empty(t, Structure(root, l), "the wrong/ folder is not a stray solution file")
}

func TestWrongFixProblems(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string // under solutions/01-bank/wrong/
		want  string
	}{
		{"loose file", map[string]string{"bank.go": "// x\npackage main\n"}, "wrong/bank.go: not a folder"},
		{"not editable", map[string]string{"a/teller.go": "// x\npackage main\n"}, "a/teller.go: not an editable file of 01-bank (bank.go)"},
		{"no comment", map[string]string{"a/bank.go": "package main\n"}, "a: open the file with a // comment that says what this fix gets wrong"},
		{"empty", map[string]string{"a/.keep": ""}, "a: holds no editable file of 01-bank"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, l := newRepo(t)
			for name, content := range tt.files {
				write(t, filepath.Join(l.SolutionDir(root), WrongDir, name), content)
			}
			got, problems := wrongFixes(root, l, map[string][]byte{"bank.go": nil})
			assert.Empty(t, got)
			assert.Contains(t, strings.Join(problems, "\n"), tt.want)
		})
	}
}

func TestWrongFixesUnreadable(t *testing.T) {
	root, l := newRepo(t)
	write(t, filepath.Join(l.SolutionDir(root), WrongDir), "not a folder")
	_, problems := wrongFixes(root, l, nil)
	require.Len(t, problems, 1)
	assert.Contains(t, problems[0], WrongDir)
}
