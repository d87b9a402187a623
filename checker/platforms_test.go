package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// actionlint checks GitHub Actions workflows: their syntax, expressions,
// the inputs of well-known actions, and the shell of run: steps (with
// shellcheck when it is installed). Pinned, and run with go run so that it
// adds nothing to go.mod.
const actionlint = "github.com/rhysd/actionlint/cmd/actionlint@v1.7.12"

// TestPlatformWorkflows lints the ready-to-copy workflow files in
// docs/platforms with actionlint. It skips only when actionlint cannot be
// fetched, and never in CI.
func TestPlatformWorkflows(t *testing.T) {
	root := repoRoot(t)
	files, err := filepath.Glob(filepath.Join(root, "docs", "platforms", "*", "*.yml"))
	if err != nil || len(files) < 3 {
		t.Fatalf("workflow files in docs/platforms: %v %v", files, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if out, err := exec.CommandContext(ctx, "go", "run", actionlint, "-version").CombinedOutput(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("actionlint cannot be fetched or built in CI: %v\n%s", err, out)
		}
		t.Skipf("actionlint cannot be fetched: %v\n%s", err, out)
	}
	cmd := exec.CommandContext(ctx, "go", append([]string{"run", actionlint, "-no-color"}, files...)...)
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil || len(out) > 0 {
		t.Errorf("actionlint: %v\n%s", err, out)
	}
}

// TestPlatformScripts checks the platform scripts' syntax (and, where
// shellcheck is installed, their shell): they run on machines no test of
// ours reaches.
func TestPlatformScripts(t *testing.T) {
	root := repoRoot(t)
	dir := filepath.Join(root, "docs", "platforms")
	scripts := []string{
		"gradescope/setup.sh", "gradescope/run_autograder", "gradescope/make-zip.sh", "prairielearn/run.sh",
	}
	for _, s := range scripts {
		path := filepath.Join(dir, s)
		fi, err := os.Stat(path)
		if err != nil {
			t.Error(err)
			continue
		}
		if fi.Mode()&0o111 == 0 {
			t.Errorf("%s is not executable: Gradescope and PrairieLearn run it as a program", s)
		}
		if out, err := exec.Command("bash", "-n", path).CombinedOutput(); err != nil {
			t.Errorf("bash -n %s: %v\n%s", s, err, out)
		}
		if shellcheck, err := exec.LookPath("shellcheck"); err == nil {
			if out, err := exec.Command(shellcheck, path).CombinedOutput(); err != nil {
				t.Errorf("shellcheck %s:\n%s", s, out)
			}
		}
	}
	if python, err := exec.LookPath("python3"); err == nil {
		code := "import ast, sys; ast.parse(open(sys.argv[1]).read(), sys.argv[1])"
		if out, err := exec.Command(python, "-c", code, filepath.Join(dir, "classroom50", "autograder.py")).CombinedOutput(); err != nil {
			t.Errorf("classroom50/autograder.py: %v\n%s", err, out)
		}
	}
	// Each script copies the file its platform reads from the name the
	// grader gives it.
	for file, wants := range map[string][]string{
		"gradescope/run_autograder":      {"gradescope.json", "/autograder/results/results.json", "/autograder/submission"},
		"prairielearn/run.sh":            {"prairielearn.json", "/grade/results/results.json"},
		"classroom50/autograder.py":      {"classroom50.json", "result.json", "--classroom50"},
		"github-classroom/classroom.yml": {"classroom.json", "autograding-grading-reporter"},
	} {
		data, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Error(err)
			continue
		}
		for _, w := range wants {
			if !strings.Contains(string(data), w) {
				t.Errorf("%s does not mention %s", file, w)
			}
		}
	}
}
