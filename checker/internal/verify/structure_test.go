package verify

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/racelab/racelab/checker/internal/scaffold"
	"github.com/racelab/racelab/checker/lab"
)

// course is a labs/course.toml of two parts and one notes section.
const course = `[[part]]
number = 1
title = { en = "One", id = "Satu" }
about = { en = "The first part.", id = "Bagian pertama." }

[[part]]
number = 2
title = { en = "Two", id = "Dua" }
about = { en = "The second part.", id = "Bagian kedua." }

[[notes]]
id = "race"
title = { en = "Data races", id = "Data race" }
`

// newRepo makes a repository root holding the course and one scaffolded
// lab, 01-bank, in the course's last part.
func newRepo(t *testing.T) (root string, l *lab.Lab) {
	t.Helper()
	root = t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(root, "go.mod"), []byte("module github.com/racelab/racelab\n"), 0o644))
	write(t, filepath.Join(root, "labs", lab.CourseFile), course)
	plan, err := scaffold.Plan(root, scaffold.Options{Slug: "bank", File: "bank.go"})
	require.NoError(t, err)
	require.NoError(t, scaffold.Write(root, plan.Name, plan.Files))
	l, err = lab.Load(filepath.Join(root, "labs", plan.Name))
	require.NoError(t, err)
	return root, l
}

func write(t *testing.T, path, content string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
}

func TestStructureOfAScaffoldIsClean(t *testing.T) {
	root, l := newRepo(t)
	assert.Empty(t, Structure(root, l))
}

func TestStructureProblems(t *testing.T) {
	tests := []struct {
		name  string
		spoil func(root string, l *lab.Lab)
		want  string
	}{
		{"no solution", func(root string, l *lab.Lab) { os.Remove(filepath.Join(l.SolutionDir(root), "bank.go")) },
			"solutions/01-bank/bank.go: missing: every editable file needs its reference fix"},
		{"solution is the shipped file", func(root string, l *lab.Lab) {
			src, _ := os.ReadFile(filepath.Join(l.ProgramDir(), "bank.go"))
			write(t, filepath.Join(l.SolutionDir(root), "bank.go"), string(src))
		}, "identical to the shipped bank.go"},
		{"solution without fix comments", func(root string, l *lab.Lab) {
			write(t, filepath.Join(l.SolutionDir(root), "bank.go"), "package main\n")
		}, "mark the changed lines with a `// fix:` comment"},
		{"stray solution file", func(root string, l *lab.Lab) {
			write(t, filepath.Join(l.SolutionDir(root), "teller.go"), "package main\n")
		}, "solutions/01-bank/teller.go: not an editable file"},
		{"unmarked helper", func(root string, l *lab.Lab) { write(t, filepath.Join(l.ProgramDir(), "helper.go"), "package main\n") },
			"helper.go: neither editable nor a fixture"},
		{"program file in the judge's folder", func(root string, l *lab.Lab) { write(t, filepath.Join(l.Dir, "helper.go"), "package main\n") },
			"helper.go: the lab's folder holds only its judge"},
		{"program without program.Main", func(root string, l *lab.Lab) { os.Remove(filepath.Join(l.ProgramDir(), "main.go")) },
			"no fixture of the program calls program.Main(run)"},
		{"a test of the program's own", func(root string, l *lab.Lab) {
			write(t, filepath.Join(l.ProgramDir(), "bank_test.go"), "package main\n")
		}, "a lab's program has no tests of its own"},
		{"no README.id.md", func(root string, l *lab.Lab) { os.Remove(filepath.Join(l.Dir, "README.id.md")) },
			"README.id.md: missing the Bahasa Indonesia README"},
		{"script without comment", func(root string, l *lab.Lab) { write(t, filepath.Join(l.Dir, "testdata", "x.txtar"), "exec bank\n") },
			"x.txtar: open the script with a # comment"},
		{"script comment in English only", func(root string, l *lab.Lab) {
			write(t, filepath.Join(l.Dir, "testdata", "x.txtar"), "# The total is right.\nexec bank\n")
		}, "x.txtar: say what the script checks in Bahasa Indonesia too"},
		{"script comment in Indonesian only", func(root string, l *lab.Lab) {
			write(t, filepath.Join(l.Dir, "testdata", "x.txtar"), "# id: Totalnya benar.\nexec bank\n")
		}, "x.txtar: say what the script checks in English too"},
		{"test without harness", func(root string, l *lab.Lab) {
			write(t, filepath.Join(l.Dir, "lab_test.go"), "package main\n\nimport \"testing\"\n\nfunc TestLab(t *testing.T) {}\n")
		}, "does not call judge.Run"},
		{"judge in the program's package", func(root string, l *lab.Lab) {
			write(t, filepath.Join(l.Dir, "lab_test.go"), "package main\n\nimport \"testing\"\n\nfunc TestLab(t *testing.T) { judge.Run(t) }\n")
		}, "must be package lab_test"},
		{"machinery in the student's file", func(root string, l *lab.Lab) {
			write(t, filepath.Join(l.ProgramDir(), "bank.go"), "package main\n\nimport \"github.com/racelab/racelab/labs/internal/overlap\"\n\nfunc run() { overlap.Work() }\n")
		}, "bank/bank.go: imports github.com/racelab/racelab/labs/internal/overlap, which the static checks (confine) refuse in an editable file: " +
			"racelab's machinery belongs in a fixture file of the program"},
		{"machinery in the solution", func(root string, l *lab.Lab) {
			write(t, filepath.Join(l.SolutionDir(root), "bank.go"), "package main\n\nimport o \"github.com/racelab/racelab/labs/internal/overlap\"\n\nfunc run() { o.Work() } // fix: x\n")
		}, "solutions/01-bank/bank.go: imports github.com/racelab/racelab/labs/internal/overlap"},
		{"untranslated hint", func(root string, l *lab.Lab) { l.Hints[1].ID = l.Hints[1].EN },
			"hint[2].id: the same text as hint[2].en: translate it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, l := newRepo(t)
			tt.spoil(root, l)
			problems := strings.Join(Structure(root, l), "\n")
			assert.Contains(t, problems, tt.want)
		})
	}
	// A fixture marked as such is fine.
	root, l := newRepo(t)
	write(t, filepath.Join(l.ProgramDir(), "inputs.go"), lab.FixtureHeader+"\n\npackage main\n")
	assert.Empty(t, Structure(root, l))
}

func TestRepository(t *testing.T) {
	root, _ := newRepo(t)
	problems, notes := Repository(root)
	assert.Empty(t, problems)
	assert.Empty(t, notes)

	// Second lab with the same number, a lab whose lab.toml does not parse,
	// a directory that is not a lab name, a solution without its lab, and
	// a gap.
	for _, o := range []scaffold.Options{{Slug: "teller", Number: 1}, {Slug: "vault", Number: 3}} {
		plan, err := scaffold.Plan(root, o)
		require.NoError(t, err)
		require.NoError(t, scaffold.Write(root, plan.Name, plan.Files))
	}
	write(t, filepath.Join(root, "labs", "04-broken", lab.File), "title = [\n")
	write(t, filepath.Join(root, "labs", "Misc", "x.go"), "package main\n")
	write(t, filepath.Join(root, "solutions", "07-orphan", "x.go"), "package main\n")
	problems, notes = Repository(root)
	all := strings.Join(problems, "\n")
	assert.Contains(t, all, "labs 01-bank and 01-teller share the number 01")
	assert.Contains(t, all, "04-broken/lab.toml")
	assert.Contains(t, all, "Misc: directory name must look like NN-slug")
	assert.Contains(t, all, "solutions/07-orphan: no lab labs/07-orphan")
	assert.Contains(t, strings.Join(notes, "\n"), "no lab 02 between 01 and 03")
}

// setPart rewrites the part (and notes) of lab dir's lab.toml.
func setPart(t *testing.T, dir, part string) {
	t.Helper()
	path := filepath.Join(dir, lab.File)
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	toml := regexp.MustCompile(`(?m)^part = .*\n`).ReplaceAllString(string(data), part)
	require.NotEqual(t, string(data), toml)
	require.NoError(t, os.WriteFile(path, []byte(toml), 0o644))
}

// The labs must agree with labs/course.toml: parts it has, in order, and
// notes sections it has. A lab without a part is its own lab.toml's
// problem, not the repository's.
func TestRepositoryChecksTheCourse(t *testing.T) {
	root, bank := newRepo(t)
	assert.Equal(t, 2, bank.Part, "a new lab goes in the last part")
	for _, o := range []scaffold.Options{{Slug: "teller", Part: 1}, {Slug: "vault", Part: 2}, {Slug: "safe"}} {
		plan, err := scaffold.Plan(root, o)
		require.NoError(t, err)
		require.NoError(t, scaffold.Write(root, plan.Name, plan.Files))
	}
	problems, _ := Repository(root)
	all := strings.Join(problems, "\n")
	assert.Contains(t, all, filepath.Join(root, "labs", "02-teller", lab.File)+": part: 1 comes after a lab of part 2")
	assert.Len(t, problems, 1, all)

	setPart(t, filepath.Join(root, "labs", "02-teller"), "part = 2\nnotes = \"rce\"\n")
	setPart(t, filepath.Join(root, "labs", "03-vault"), "part = 9\n")
	setPart(t, filepath.Join(root, "labs", "04-safe"), "")
	problems, _ = Repository(root)
	all = strings.Join(problems, "\n")
	assert.Contains(t, all, `02-teller/lab.toml: notes: "rce" is not a section of`)
	assert.Contains(t, all, `did you mean "race"?`)
	assert.Contains(t, all, "03-vault/lab.toml: part: 9 is not a part of")
	assert.NotContains(t, all, "04-safe", "a missing part is the lab's own problem")
	assert.Len(t, problems, 2, all)
	_, labProblems := lab.LoadProblems(filepath.Join(root, "labs", "04-safe"))
	require.Len(t, labProblems, 1)
	assert.Contains(t, labProblems[0].Error(), "04-safe/lab.toml: part: missing")

	require.NoError(t, os.Remove(filepath.Join(root, "labs", lab.CourseFile)))
	problems, _ = Repository(root)
	assert.Contains(t, strings.Join(problems, "\n"), "course.toml: missing")
}

// A fresh scaffold lists exactly the text the instructor must write: the
// program, its fix, the expected output, the script's words, the title,
// the hints and the READMEs.
func TestUnwrittenOfAScaffold(t *testing.T) {
	root, l := newRepo(t)
	got := Unwritten(root, l)
	want := []string{
		"labs/01-bank/lab.toml: title.en: the lab's title",
		"labs/01-bank/lab.toml: title.id: judul lab",
		"labs/01-bank/lab.toml: hint[1].en: a gentle nudge: what should the student look at first?",
		"labs/01-bank/lab.toml: hint[1].id: petunjuk ringan: apa yang perlu dilihat lebih dulu?",
		"labs/01-bank/lab.toml: hint[2].en: nearly the answer: which tool, used where?",
		"labs/01-bank/lab.toml: hint[2].id: hampir jawabannya: alat apa, dipakai di mana?",
		"labs/01-bank/README.id.md:1: judul lab, sama dengan di lab.toml",
		"labs/01-bank/README.id.md:7: jelaskan gagasan yang diajarkan lab ini dalam beberapa paragraf pendek",
		"labs/01-bank/README.id.md:11: katakan apa yang harus benar, tanpa membocorkan perbaikannya",
		"labs/01-bank/README.md:1: the lab's title, as in lab.toml",
		"labs/01-bank/README.md:7: explain the idea the lab teaches in a few short paragraphs (a diagram helps)",
		"labs/01-bank/README.md:11: say what the student must make true, without giving the fix away",
		"labs/01-bank/bank/bank.go:3: replace this example with the lab's program.",
		"labs/01-bank/lab_test.go:17: compute what the lab's program must print from the script's arguments.",
		"labs/01-bank/testdata/total.txtar:1: say, in a student's words, what this script checks (it is shown when it fails).",
		"labs/01-bank/testdata/total.txtar:3: katakan dalam bahasa mahasiswa apa yang dicek script ini.",
		"solutions/01-bank/bank.go:3: replace this example fix with the fix of the lab's program.",
	}
	assert.Equal(t, want, got)
}

func TestUnwrittenGroupsLines(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.go")
	write(t, path, "a // fix: TODO(instructor): say why\nb\nc // fix: TODO(instructor): say why\nd // TODO(instructor)\n")
	assert.Equal(t, []string{"x.go:1,3: say why", "x.go:4: write this"}, placeholders("x.go", path))
}
