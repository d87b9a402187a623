package scaffold

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/racelab/racelab/checker/internal/run"
	"github.com/racelab/racelab/checker/internal/workspace"
	"github.com/racelab/racelab/checker/lab"
)

func emptyRepo(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(root, "labs"), 0o755))
	return root
}

func TestPlanEveryFixKind(t *testing.T) {
	for _, kind := range lab.FixKinds() {
		t.Run(kind, func(t *testing.T) {
			root := emptyRepo(t)
			plan, err := Plan(root, Options{Slug: "guard-the-" + kind, Fix: []string{kind}})
			require.NoError(t, err)
			assert.Equal(t, "01-guard-the-"+kind, plan.Name)
			assert.Equal(t, kind+".go", plan.File)
			require.NoError(t, Write(root, plan.Name, plan.Files))
			l, err := lab.Load(filepath.Join(root, "labs", plan.Name))
			require.NoError(t, err, "a fresh scaffold's lab.toml is valid")
			assert.Equal(t, []string{kind}, l.Fix)
			assert.Equal(t, "race", l.Expect)
			for _, f := range []string{"lab_test.go", "README.md", "README.id.md", "testdata/total.txtar", kind + ".go"} {
				assert.FileExists(t, filepath.Join(l.Dir, f))
			}
			sol, err := os.ReadFile(filepath.Join(l.SolutionDir(root), kind+".go"))
			require.NoError(t, err)
			assert.Contains(t, string(sol), "// fix:")
			shipped, err := os.ReadFile(filepath.Join(l.Dir, kind+".go"))
			require.NoError(t, err)
			assert.Contains(t, string(shipped), "// TODO:", "shows the student where the work is")
			assert.Contains(t, string(shipped), lab.Placeholder)
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

// Every example compiles, shipped and solved, inside the real module.
func TestExamplesCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every example")
	}
	repo, err := filepath.Abs("../../..")
	require.NoError(t, err)
	shipped, solved := map[string][]byte{}, map[string][]byte{}
	pkgs := []string{"vet"}
	for i, kind := range lab.FixKinds() {
		plan, err := Plan(repo, Options{Slug: "ex-" + kind, Fix: []string{kind}, Number: 90 + i})
		require.NoError(t, err)
		pkgs = append(pkgs, "./labs/"+plan.Name)
		for rel, src := range plan.Files {
			if strings.HasPrefix(rel, "solutions/") {
				solved["labs/"+strings.TrimPrefix(rel, "solutions/")] = src
			} else if filepath.Ext(rel) == ".go" && !strings.HasSuffix(rel, "_test.go") {
				shipped[rel] = src
			}
		}
	}
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
