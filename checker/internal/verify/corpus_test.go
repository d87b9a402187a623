package verify

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/racelab/racelab/checker/protocol"
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
		{"no comment", map[string]string{"a/bank.go": "package main\n"}, "a: open the file with a // comment that says, in one line, what this fix does"},
		{"want a right reason", map[string]string{"a/bank.go": "// x\n// want: pass\npackage main\n"}, "a: a wrong fix must fail"},
		{"want nonsense", map[string]string{"a/bank.go": "// x\n// want: racy\npackage main\n"}, `want: "racy" is not a reason`},
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

func TestCorpusWantLines(t *testing.T) {
	root, l := newRepo(t)
	dir := l.SolutionDir(root)
	write(t, filepath.Join(dir, WrongDir, "two-locks", "bank.go"), "// Locks the check and the act apart.\n// want: wrong-output, race\npackage main\n")
	write(t, filepath.Join(dir, RightDir, "atomic", "bank.go"), "// Counts with an atomic.\n// want: other-kind\npackage main\n")
	write(t, filepath.Join(dir, RightDir, "defer", "bank.go"), "// Unlocks with defer.\n// want: pass\npackage main\n")
	write(t, filepath.Join(dir, RightDir, "unsure", "bank.go"), "// Does something.\npackage main\n")

	wrong, problems := wrongFixes(root, l, nil)
	assert.Empty(t, problems)
	require.Len(t, wrong, 1)
	assert.Equal(t, "wrong-output|race", wantOf(wrong[0]))

	right, problems := rightFixes(root, l, nil)
	require.Len(t, right, 2)
	assert.Equal(t, "other-kind", wantOf(right[0]))
	assert.Equal(t, "pass", wantOf(right[1]))
	assert.Contains(t, strings.Join(problems, "\n"), "unsure: a right fix says what it must get")
}

func TestCheckAccepts(t *testing.T) {
	fail := &Check{Want: "fail", Runs: 2, Got: map[protocol.Reason]int{protocol.Race: 1, protocol.Leak: 1}}
	assert.True(t, fail.OK())
	fail.Got[protocol.OtherKind] = 1
	assert.False(t, fail.OK(), "a wrong fix graded as working with another kind did not fail")

	set := &Check{Want: "wrong-output|race", Runs: 3, Got: map[protocol.Reason]int{protocol.Race: 2, protocol.WrongOutput: 1}}
	assert.True(t, set.OK())
	set.Got[protocol.Deadlock] = 1
	assert.False(t, set.OK(), "a reason that does not name the mistake")

	other := &Check{Want: "other-kind", Runs: 2, Got: map[protocol.Reason]int{protocol.OtherKind: 2}}
	assert.True(t, other.OK())
	assert.Equal(t, "other-kind 2/2", other.Summary())
}
