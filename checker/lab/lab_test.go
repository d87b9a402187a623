package lab

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const validTOML = `title = { en = "Guard the balance", id = "Jaga saldo" }
program = "bank"
part = 3
notes = "race-mutex"
concepts = ["mutex", "shared-variable"]
fix = ["mutex"]
editable = ["bank.go"]
expect = "race"
points = 10
level = 2
minutes = 25

[[hint]]
en = "Two deposits at once."
id = "Dua setoran sekaligus."

[[hint]]
en = "Lock around the update."
id = "Kunci di sekitar pembaruan."
`

// writeLab makes labs/03-bank with the given lab.toml and the program
// bank/bank.go.
func writeLab(t *testing.T, toml string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "labs", "03-bank")
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "bank"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, File), []byte(toml), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "bank", "bank.go"), []byte("package main\n"), 0o644))
	return dir
}

func TestLoadValid(t *testing.T) {
	l, err := Load(writeLab(t, validTOML))
	require.NoError(t, err)
	assert.Equal(t, "03-bank", l.Name())
	assert.Equal(t, []string{"mutex"}, l.Fix)
	assert.Equal(t, 3, l.Part)
	assert.Equal(t, "race-mutex", l.Notes)
	assert.Len(t, l.Hints, 2)
}

// Every schema error names the file, the field and what to do.
func TestValidateNamesFileFieldAndFix(t *testing.T) {
	tests := []struct {
		name    string
		from    string // replaced in validTOML
		to      string
		field   string
		mention []string
	}{
		{"unknown concept", `"shared-variable"]`, `"mutx"]`, "concepts", []string{`unknown concept "mutx"`, `did you mean "mutex"?`}},
		{"duplicate concept", `"shared-variable"]`, `"mutex"]`, "concepts", []string{"listed twice"}},
		{"unknown fix kind", `fix = ["mutex"]`, `fix = ["lock"]`, "fix", []string{`unknown fix kind "lock"`, "use one of"}},
		{"fix kind typo", `fix = ["mutex"]`, `fix = ["atomc"]`, "fix", []string{`did you mean "atomic"?`}},
		{"any with others", `fix = ["mutex"]`, `fix = ["any", "mutex"]`, "fix", []string{"list it alone"}},
		{"missing Indonesian hint", "id = \"Kunci di sekitar pembaruan.\"\n", "", "hint[2].id", []string{"write the Bahasa Indonesia hint"}},
		{"missing English hint", "en = \"Two deposits at once.\"\n", "", "hint[1].en", []string{"write the English hint"}},
		{"editable missing", `editable = ["bank.go"]`, `editable = ["bank.go", "teller.go"]`, "editable", []string{`"teller.go" does not exist`, "create it or fix the name"}},
		{"editable test file", `editable = ["bank.go"]`, `editable = ["bank_test.go"]`, "editable", []string{"is a test file", "add a [test] table"}},
		{"expect missing", "expect = \"race\"\n", "", "expect", []string{"missing", "race, wrong-output"}},
		{"expect typo", `expect = "race"`, `expect = "raec"`, "expect", []string{`did you mean "race"?`}},
		{"one hint", "[[hint]]\nen = \"Lock around the update.\"\nid = \"Kunci di sekitar pembaruan.\"\n", "", "hint", []string{"at least 2"}},
		{"level", "level = 2", "level = 5", "level", []string{"1 (first steps), 2 or 3"}},
		{"no title.id", `, id = "Jaga saldo"`, "", "title.id", []string{"Bahasa Indonesia title"}},
		{"unknown field", "points = 10", "points = 10\npoint = 3", "point", []string{"unknown field"}},
		{"program missing", "program = \"bank\"\n", "", "program", []string{"missing", "e.g. \"bank\""}},
		{"program not a folder", `program = "bank"`, `program = "teller"`, "program", []string{"teller is not a folder"}},
		{"program not a command name", `program = "bank"`, `program = "Bank/x"`, "program", []string{"lower-case command name"}},
		{"part missing", "part = 3\n", "", "part", []string{"missing", "[[part]] number of labs/course.toml", "part = 3"}},
		{"part negative", "part = 3", "part = -1", "part", []string{"-1: want the number of a [[part]]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toml := strings.Replace(validTOML, tt.from, tt.to, 1)
			require.NotEqual(t, validTOML, toml, "the test's replacement must apply")
			dir := writeLab(t, toml)
			_, problems := LoadProblems(dir)
			require.NotEmpty(t, problems)
			var msgs []string
			for _, p := range problems {
				msgs = append(msgs, p.Error())
			}
			all := strings.Join(msgs, "\n")
			assert.Contains(t, all, filepath.Join(dir, File)+": "+tt.field+": ", "names file and field")
			for _, m := range tt.mention {
				assert.Contains(t, all, m)
			}
		})
	}
}

func TestLoadProblemsWithoutLab(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "labs", "04-empty")
	require.NoError(t, os.MkdirAll(dir, 0o755))
	l, problems := LoadProblems(dir)
	assert.Nil(t, l)
	require.Len(t, problems, 1)
	assert.Contains(t, problems[0].Error(), "missing")

	bad := filepath.Join(t.TempDir(), "labs", "Bank")
	require.NoError(t, os.MkdirAll(bad, 0o755))
	_, problems = LoadProblems(bad)
	require.Len(t, problems, 1)
	assert.Contains(t, problems[0].Error(), "NN-slug")
}

// Marshal writes what Load reads back, strings with quotes, backslashes
// and newlines included.
func TestMarshalRoundTrip(t *testing.T) {
	want := &Lab{
		Title:    Text{EN: `Say "hi"`, ID: "Katakan \\ halo"},
		Program:  "bank",
		Part:     5,
		Notes:    "race-mutex",
		Concepts: []string{"mutex", "check-then-act"},
		Fix:      []string{"mutex", "atomic"},
		Other:    []string{"channel"},
		Editable: []string{"bank.go"},
		Expect:   "wrong-output",
		Points:   15, Level: 3, Minutes: 30,
		Hints: []Text{{EN: "one\ntwo\ttab", ID: "satu"}, {EN: "ünïcode ✓", ID: "dua"}},
	}
	points := 30
	want.OtherPoints = &points
	dir := writeLab(t, string(want.Marshal()))
	got, err := Load(dir)
	require.NoError(t, err)
	got.Number, got.Slug, got.Dir = 0, "", ""
	assert.Equal(t, want, got)
}

// Marshal puts part (and notes, when the lab has a section) right after
// program, where the lab format shows them.
func TestMarshalPartAndNotes(t *testing.T) {
	l := &Lab{Title: Text{EN: "a", ID: "b"}, Program: "bank", Part: 7}
	assert.Contains(t, string(l.Marshal()), "program = \"bank\"\npart = 7\nconcepts = ")
	l.Notes = "race"
	assert.Contains(t, string(l.Marshal()), "program = \"bank\"\npart = 7\nnotes = \"race\"\nconcepts = ")
}

func TestEditDistance(t *testing.T) {
	assert.Equal(t, 0, editDistance("mutex", "mutex"))
	assert.Equal(t, 1, editDistance("mutx", "mutex"))
	assert.Equal(t, 2, editDistance("atmoic", "atomic"))
	assert.Equal(t, "", didYouMean("completely-different", Concepts()))
}

// The course file of the repository reads back with no problem.
func TestLoadCourse(t *testing.T) {
	c, err := LoadCourse("../..")
	require.NoError(t, err)
	assert.Len(t, c.Parts, 7)
	p, ok := c.Part(3)
	require.True(t, ok)
	assert.Contains(t, p.Title.EN, "three fixes")
	s, ok := c.Section("race-mutex")
	require.True(t, ok)
	assert.Equal(t, "Memperbaiki race: mutex", s.Title.ID)
	_, ok = c.Section("nope")
	assert.False(t, ok)
}

// The repository's labs agree with its course: every lab names a part of
// it (and a section of the notes, if any), in the course's order.
func TestLabsAgreeWithTheCourse(t *testing.T) {
	c, err := LoadCourse("../..")
	require.NoError(t, err)
	labs, err := Discover("../..")
	require.NoError(t, err)
	require.NotEmpty(t, labs)
	assert.Empty(t, c.Check(labs))
}

func TestCourseCheck(t *testing.T) {
	c := &Course{Path: "labs/course.toml", Parts: []Part{{Number: 1}, {Number: 2}}, Notes: []Section{{ID: "mutex"}}}
	labs := []*Lab{
		{Number: 1, Slug: "a", Dir: "labs/01-a", Part: 2, Notes: "mutex"},
		{Number: 2, Slug: "b", Dir: "labs/02-b", Part: 1, Notes: "mutx"},
		{Number: 3, Slug: "c", Dir: "labs/03-c", Part: 9},
	}
	var msgs []string
	for _, err := range c.Check(labs) {
		msgs = append(msgs, err.Error())
	}
	all := strings.Join(msgs, "\n")
	assert.Contains(t, all, "labs/02-b/lab.toml: part: 1 comes after a lab of part 2")
	assert.Contains(t, all, `labs/02-b/lab.toml: notes: "mutx" is not a section`)
	assert.Contains(t, all, `did you mean "mutex"?`)
	assert.Contains(t, all, "labs/03-c/lab.toml: part: 9 is not a part")
	assert.Len(t, msgs, 3)
}

const testingTOML = `title = { en = "Catch it in a test", id = "Tangkap lewat tes" }
program = "bank"
part = 6
concepts = ["testing", "synctest"]
fix = ["any"]
editable = ["bank_test.go"]
expect = "missed"
points = 10
level = 2
minutes = 30

[[hint]]
en = "Run two deposits at once."
id = "Jalankan dua setoran sekaligus."

[[hint]]
en = "goleak.VerifyNone."
id = "goleak.VerifyNone."

[test]
implementation = "bank.go"

[[test.variant]]
name = "atomic"
correct = true

[[test.variant]]
name = "racy"
about = { en = "Deposit updates the balance without a lock", id = "Deposit mengubah saldo tanpa kunci" }
`

// writeTestingLab makes a testing lab whose variants are written.
func writeTestingLab(t *testing.T, toml string, variants ...string) string {
	t.Helper()
	dir := writeLab(t, toml)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "bank", "bank_test.go"), []byte("package main\n"), 0o644))
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "testdata", "variants"), 0o755))
	for _, v := range variants {
		require.NoError(t, os.WriteFile(filepath.Join(dir, "testdata", "variants", v+".go"), []byte("package main\n"), 0o644))
	}
	return dir
}

func TestTestingLab(t *testing.T) {
	l, err := Load(writeTestingLab(t, testingTOML, "atomic", "racy"))
	require.NoError(t, err)
	require.NotNil(t, l.Test)
	v, ok := l.Variant("racy")
	require.True(t, ok)
	assert.False(t, v.Correct)
	assert.Equal(t, "Deposit mengubah saldo tanpa kunci", v.About.In("id"))
	assert.Equal(t, filepath.Join(l.Dir, "testdata", "variants", "racy.go"), l.VariantFile("racy"))
	shipped, ok := l.Variant(Shipped)
	require.True(t, ok, "the implementation as shipped is a variant")
	assert.True(t, shipped.Correct)
	assert.Equal(t, filepath.Join(l.Dir, "bank", "bank.go"), l.VariantFile(Shipped))
	assert.Equal(t, []string{Shipped, "atomic", "racy"}, []string{l.AllVariants()[0].Name, l.AllVariants()[1].Name, l.AllVariants()[2].Name})

	again, err := Load(writeTestingLab(t, string(l.Marshal()), "atomic", "racy"))
	require.NoError(t, err)
	assert.Equal(t, l.Test, again.Test, "Marshal keeps the [test] table")
}

// Every problem of a [test] table at once, each naming its field and fix.
func TestTestingLabProblems(t *testing.T) {
	for _, tc := range []struct {
		name     string
		from, to string
		variants []string
		want     string
	}{
		{"variant file missing", "", "", []string{"atomic"}, filepath.Join("testdata", "variants", "racy.go") + " does not exist: write the variant there"},
		{"no bug", `name = "racy"`, `name = "racy"` + "\ncorrect = true", []string{"atomic", "racy"}, "test.variant: no variant with a bug"},
		{"shipped is taken", `name = "atomic"`, `name = "shipped"`, []string{"shipped", "racy"}, `other than "shipped"`},
		{"about missing", `about = { en = "Deposit updates the balance without a lock", id = "Deposit mengubah saldo tanpa kunci" }`, "", []string{"atomic", "racy"}, "test.variant[2].about: missing"},
		{"editable program", `editable = ["bank_test.go"]`, `editable = ["bank.go"]`, []string{"atomic", "racy"}, `"bank.go" is not a test file`},
		{"implementation editable", `implementation = "bank.go"`, `implementation = "bank_test.go"`, []string{"atomic", "racy"}, "test.implementation: \"bank_test.go\" must be a non-test .go file"},
		{"expect", `expect = "missed"`, `expect = "race"`, []string{"atomic", "racy"}, `expect: "race": the shipped test of a testing lab fails by missing a bug`},
		{"bad name", `name = "atomic"`, `name = "Fixed!"`, []string{"atomic", "racy"}, `test.variant[1].name: "Fixed!" must be a lower-case name`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(writeTestingLab(t, strings.Replace(testingTOML, tc.from, tc.to, 1), tc.variants...))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.Contains(t, err.Error(), "lab.toml")
		})
	}
}

// What Builds writes at ProgramPath is what Binary starts, for a program
// lab (one binary, named as the system starts it) and a testing lab (a
// folder of one test binary per variant) alike.
func TestProgramPathBuildsAndBinaryAgree(t *testing.T) {
	all, err := Discover("../..")
	require.NoError(t, err)
	seen := map[bool]bool{}
	for _, l := range all {
		isTest := l.Test != nil
		if seen[isTest] {
			continue
		}
		seen[isTest] = true
		t.Run(l.Name(), func(t *testing.T) {
			bin := l.ProgramPath(filepath.Join(t.TempDir(), l.Program))
			builds, err := l.Builds(bin, "", t.TempDir())
			require.NoError(t, err)
			var outs []string
			for _, b := range builds {
				outs = append(outs, b.Out)
				assert.Contains(t, b.Args, b.Out, "the go command writes Out")
			}
			var args [][]string
			if isTest {
				for _, v := range l.AllVariants() {
					args = append(args, []string{v.Name, "-test.count=1"})
				}
				assert.Equal(t, bin, l.ProgramPath(bin), "a testing lab's program is a folder: no .exe")
			} else {
				args = [][]string{{"-n", "3"}}
				assert.Equal(t, Exe(filepath.Join(filepath.Dir(bin), l.Program)), bin)
			}
			for _, a := range args {
				file, rest, err := l.Binary(bin, a)
				require.NoError(t, err)
				assert.Contains(t, outs, file, "Binary starts a file Builds wrote")
				assert.Equal(t, a[len(a)-len(rest):], rest)
			}
		})
	}
	assert.True(t, seen[false] && seen[true], "the course has program labs and testing labs")
}
