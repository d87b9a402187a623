package scaffold

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/racelab/racelab/checker/internal/run"
	"github.com/racelab/racelab/checker/internal/verify"
	"github.com/racelab/racelab/checker/internal/workspace"
	"github.com/racelab/racelab/checker/lab"
	"github.com/racelab/racelab/checker/protocol"
)

// course is a labs/course.toml of three parts.
const course = `[[part]]
number = 1
title = { en = "One", id = "Satu" }
about = { en = "The first part.", id = "Bagian pertama." }

[[part]]
number = 2
title = { en = "Two", id = "Dua" }
about = { en = "The second part.", id = "Bagian kedua." }

[[part]]
number = 3
title = { en = "Three", id = "Tiga" }
about = { en = "The third part.", id = "Bagian ketiga." }
`

// emptyRepo is a repository with a course of three parts and no lab.
func emptyRepo(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(root, "labs"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(root, "labs", lab.CourseFile), []byte(course), 0o644))
	return root
}

// A new lab goes in the course's last part unless told otherwise; a part
// the course lacks is refused.
func TestPlanPart(t *testing.T) {
	root := emptyRepo(t)
	for _, tt := range []struct {
		part, want int
		err        string
	}{
		{0, 3, ""}, {2, 2, ""}, {9, 0, "part 9: " + filepath.Join(root, "labs", lab.CourseFile) + " has parts 1 to 3"}, {-1, 0, "part -1: name a part of the course"},
	} {
		plan, err := Plan(root, Options{Slug: "bank", Part: tt.part})
		if tt.err != "" {
			assert.ErrorContains(t, err, tt.err)
			continue
		}
		require.NoError(t, err)
		assert.Contains(t, string(plan.Files["labs/"+plan.Name+"/"+lab.File]), fmt.Sprintf("\npart = %d\n", tt.want))
	}

	// Without a course, only a part named by hand will do.
	require.NoError(t, os.Remove(filepath.Join(root, "labs", lab.CourseFile)))
	_, err := Plan(root, Options{Slug: "bank"})
	assert.ErrorContains(t, err, "course.toml: missing")
	assert.ErrorContains(t, err, "--part 3")
	plan, err := Plan(root, Options{Slug: "bank", Part: 4})
	require.NoError(t, err)
	assert.Contains(t, string(plan.Files["labs/"+plan.Name+"/"+lab.File]), "\npart = 4\n")
}

// overlapImport is racelab's machinery as an import: a fixture's, never the
// student's file's.
const overlapImport = `"github.com/racelab/racelab/labs/internal/overlap"`

func TestPlanEveryFixKind(t *testing.T) {
	for _, kind := range lab.FixKinds() {
		t.Run(kind, func(t *testing.T) {
			root := emptyRepo(t)
			plan, err := Plan(root, Options{Slug: "guard-the-" + kind, Fix: []string{kind}})
			require.NoError(t, err)
			assert.Equal(t, "01-guard-the-"+kind, plan.Name)
			assert.Equal(t, kind+".go", plan.File)
			assert.Equal(t, kind, plan.Program)
			require.NoError(t, Write(root, plan.Name, plan.Files))
			l, err := lab.Load(filepath.Join(root, "labs", plan.Name))
			require.NoError(t, err, "a fresh scaffold's lab.toml is valid")
			assert.Equal(t, []string{kind}, l.Fix)
			assert.Equal(t, 3, l.Part, "the course's last part")
			assert.Equal(t, "race", l.Expect)
			assert.Equal(t, kind, l.Program)
			for _, f := range []string{"lab_test.go", "README.md", "README.id.md", "testdata/total.txtar", kind + "/" + kind + ".go", kind + "/main.go", kind + "/work.go"} {
				assert.FileExists(t, filepath.Join(l.Dir, f))
			}
			assert.Empty(t, verify.Structure(root, l), "the lab format, as verify checks it")
			sol, err := os.ReadFile(filepath.Join(l.SolutionDir(root), kind+".go"))
			require.NoError(t, err)
			assert.Contains(t, string(sol), "// fix:")
			assert.NotContains(t, string(sol), overlapImport, "racelab's machinery stays in the fixtures (issue 11)")
			shipped, err := os.ReadFile(filepath.Join(l.ProgramDir(), kind+".go"))
			require.NoError(t, err)
			assert.Contains(t, string(shipped), "// TODO:", "shows the student where the work is")
			assert.Contains(t, string(shipped), lab.Placeholder)
			assert.Contains(t, string(shipped), "\nfunc run() {", "the student's work is in run")
			assert.NotContains(t, string(shipped), "func main()", "main is the fixture's")
			assert.NotContains(t, string(shipped), overlapImport, "racelab's machinery stays in the fixtures (issue 11)")
			assert.Contains(t, string(shipped), "slowStep()", "the student's file calls the fixture's slow step")
			work, err := os.ReadFile(filepath.Join(l.ProgramDir(), "work.go"))
			require.NoError(t, err)
			assert.True(t, strings.HasPrefix(string(work), lab.FixtureHeader), "work.go is a fixture")
			assert.Contains(t, string(work), "func slowStep() { overlap.Work() }")
			script, err := os.ReadFile(filepath.Join(l.Dir, "testdata", "total.txtar"))
			require.NoError(t, err)
			assert.Contains(t, string(script), "\n"+kind+" -n $N\n", "the script starts the program by its command")
			assert.NotContains(t, string(script), "exec ")
			test, err := os.ReadFile(filepath.Join(l.Dir, "lab_test.go"))
			require.NoError(t, err)
			assert.True(t, strings.HasPrefix(string(test), "package lab_test\n"))
			assert.NotContains(t, string(test), "TestMain", "the judge never runs the program in its own process")
			readme, err := os.ReadFile(filepath.Join(l.Dir, "README.md"))
			require.NoError(t, err)
			assert.Contains(t, string(readme), "("+kind+"/"+kind+".go)", "links the student's file in the program's folder")
			assert.Contains(t, string(readme), "go run ./labs/"+plan.Name+"/"+kind+" -n 10")
		})
	}
}

func TestPlanRefuses(t *testing.T) {
	root := emptyRepo(t)
	tests := []struct {
		opts Options
		want string
	}{
		{Options{Slug: "Bank_Transfer"}, "lower-case words joined by dashes"},
		{Options{Slug: "bank", Fix: []string{"lock"}}, `fix kind "lock"`},
		{Options{Slug: "bank", Concepts: []string{"locks"}}, `concept "locks"`},
		{Options{Slug: "bank", File: "bank_test.go"}, "non-test .go file"},
		{Options{Slug: "bank", File: "sub/bank.go"}, "non-test .go file"},
		{Options{Slug: "bank", File: "main.go"}, "main.go is the program's fixture"},
		{Options{Slug: "bank", File: "work.go"}, "work.go is the program's fixture"},
	}
	for _, tt := range tests {
		_, err := Plan(root, tt.opts)
		assert.ErrorContains(t, err, tt.want)
	}
}

func TestNumberingAndWrite(t *testing.T) {
	root := emptyRepo(t)
	require.NoError(t, os.MkdirAll(filepath.Join(root, "labs", "03-old"), 0o755))
	require.NoError(t, os.MkdirAll(filepath.Join(root, "solutions", "07-left-behind"), 0o755))
	n, err := NextNumber(root)
	require.NoError(t, err)
	assert.Equal(t, 8, n, "a solution directory still holds its number")

	plan, err := Plan(root, Options{Slug: "bank"})
	require.NoError(t, err)
	require.NoError(t, Write(root, plan.Name, plan.Files))
	assert.ErrorContains(t, Write(root, plan.Name, plan.Files), "already exists")
	_, err = Plan(root, Options{Slug: "bank"})
	assert.ErrorContains(t, err, "labs/08-bank already has it")

	// Nothing half-written is left behind when writing fails.
	err = Write(root, "09-x", Files{"labs/09-x/a.go": []byte("x"), "elsewhere/b.go": []byte("y")})
	assert.Error(t, err)
	assert.NoDirExists(t, filepath.Join(root, "labs", "09-x"))
	entries, _ := os.ReadDir(filepath.Join(root, "labs"))
	for _, e := range entries {
		assert.False(t, strings.HasPrefix(e.Name(), ".new-"), "temporary directory %s left behind", e.Name())
	}
}

func TestSlugify(t *testing.T) {
	assert.Equal(t, "race-counter2", Slugify("Race_Counter2"))
	assert.Equal(t, "a-b", Slugify("--a  b--"))
	assert.Equal(t, "", Slugify("___"))
}

func TestProgramName(t *testing.T) {
	for in, want := range map[string]string{
		"bank.go": "bank", "bank_transfer.go": "banktransfer", "loop-counter": "loopcounter",
		"2pc.go": "prog2pc", "want.go": "progwant", "exec": "progexec", "___": "prog",
	} {
		assert.Equal(t, want, ProgramName(in), in)
	}
}

func TestMetadataNamesTheProgram(t *testing.T) {
	root := emptyRepo(t)
	dir := filepath.Join(root, "labs", "01-x")
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "prog"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "prog", "x.go"), []byte("package main\n"), 0o644))
	meta := &lab.Lab{Title: lab.Text{EN: "X", ID: "Y"}, Program: "prog", Concepts: []string{"mutex"}, Fix: []string{"mutex"},
		Part: 1, Editable: []string{"x.go"}, Expect: "race", Points: 1, Level: 1, Minutes: 1,
		Hints: []lab.Text{{EN: "a", ID: "b"}, {EN: "c", ID: "d"}}}
	data := Metadata(meta)
	assert.Equal(t, 1, strings.Count(string(data), "program = "), "%s", data)
	require.NoError(t, os.WriteFile(filepath.Join(dir, lab.File), data, 0o644))
	l, err := lab.Load(dir)
	require.NoError(t, err)
	assert.Equal(t, "prog", l.Program)
}

// examples plans a lab for every fix kind in the real module, numbered from
// 90 so as to clash with no lab, and returns their plans.
func examples(t *testing.T, repo string) []*Lab {
	t.Helper()
	var plans []*Lab
	for i, kind := range lab.FixKinds() {
		plan, err := Plan(repo, Options{Slug: "ex-" + kind, Fix: []string{kind}, Number: 90 + i})
		require.NoError(t, err)
		plans = append(plans, plan)
	}
	return plans
}

// variants are the examples' files as shipped (the lab's directories) and
// as solved (the solution in place of the student's file).
func variants(plans []*Lab) (shipped, solved map[string][]byte) {
	shipped, solved = map[string][]byte{}, map[string][]byte{}
	for _, plan := range plans {
		for rel, src := range plan.Files {
			if strings.HasPrefix(rel, "solutions/") {
				continue
			}
			shipped[rel], solved[rel] = src, src
		}
		solved["labs/"+plan.Name+"/"+plan.Program+"/"+plan.File] = plan.Files["solutions/"+plan.Name+"/"+plan.File]
	}
	return shipped, solved
}

// Every example compiles, shipped and solved, inside the real module: the
// program and its judge.
func TestExamplesCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every example")
	}
	repo, err := filepath.Abs("../../..")
	require.NoError(t, err)
	plans := examples(t, repo)
	pkgs := []string{"vet"}
	for _, plan := range plans {
		pkgs = append(pkgs, "./labs/"+plan.Name, "./labs/"+plan.Name+"/"+plan.Program)
	}
	shipped, solved := variants(plans)
	for name, files := range map[string]map[string][]byte{"shipped": shipped, "solved": solved} {
		ws, err := workspace.New(repo, t.TempDir(), files)
		require.NoError(t, err)
		// vet type-checks lab_test.go too, and runs go test's own vet checks.
		cmd := exec.CommandContext(context.Background(), "go", pkgs...)
		cmd.Dir = ws.Dir
		cmd.Env = run.Env(os.Environ()) // -trimpath: the copy shares the build cache
		out, err := cmd.CombinedOutput()
		assert.NoError(t, err, "%s examples:\n%s", name, out)
	}
}

// Every example behaves as docs/instructors.md says, judged as make lab and
// verify judge it: the shipped program races, the solution passes.
func TestExamplesBehave(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs every example")
	}
	repo, err := filepath.Abs("../../..")
	require.NoError(t, err)
	plans := examples(t, repo)
	shipped, solved := variants(plans)
	ctx := context.Background()
	for _, v := range []struct {
		name  string
		files map[string][]byte
		want  []protocol.Reason
	}{{"shipped", shipped, []protocol.Reason{protocol.Race}}, {"solved", solved, nil}} {
		ws, err := workspace.New(repo, t.TempDir(), v.files)
		require.NoError(t, err)
		for _, plan := range plans {
			l, err := lab.Load(filepath.Join(ws.Dir, "labs", plan.Name))
			require.NoError(t, err)
			tmp := t.TempDir()
			judge, prog := filepath.Join(tmp, "judge"), filepath.Join(tmp, plan.Program)
			require.NoError(t, run.BuildJudge(ctx, ws.Dir, l, judge))
			built, err := run.BuildProgram(ctx, ws.Dir, l, prog, run.CompileOptions{})
			require.NoError(t, err)
			require.True(t, built.Passed(), built.Output)
			for _, procs := range []string{"1", "2"} {
				res, err := run.Judge(ctx, judge, l, run.JudgeOptions{Program: prog, Env: []string{"GOMAXPROCS=" + procs}})
				require.NoError(t, err)
				assert.Equal(t, v.want, res.Reasons, "%s %s, GOMAXPROCS=%s:\n%s", v.name, plan.Name, procs, res.Output)
			}
		}
	}
}
