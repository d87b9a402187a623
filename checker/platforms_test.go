package main

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/racelab/racelab/checker/internal/gradebook/platformspec"
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

// TestPlatformScriptsGrade runs Gradescope's run_autograder and
// PrairieLearn's run.sh as their platforms would, on a solved lab 06 laid
// out as each platform delivers a submission, and checks the results.json
// each leaves where its platform reads it.
func TestPlatformScriptsGrade(t *testing.T) {
	needTools(t)
	root := repoRoot(t)
	bin := t.TempDir()
	if err := os.Symlink(checkerBinary(t), filepath.Join(bin, "racelab-checker")); err != nil {
		t.Fatal(err)
	}
	solved := read(t, filepath.Join(root, "solutions/06-waitgroup/squares.go"))
	env := append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"), "RACELAB_GRADE_FLAGS=-runs 1")
	run := func(script string, extra ...string) {
		t.Helper()
		cmd := exec.Command("bash", filepath.Join(root, "docs", "platforms", script))
		cmd.Env = append(env, extra...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", script, err, out)
		}
	}

	t.Run("gradescope", func(t *testing.T) {
		ag := t.TempDir()
		if err := os.MkdirAll(filepath.Join(ag, "source"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(root, filepath.Join(ag, "source", "racelab")); err != nil {
			t.Fatal(err)
		}
		// The student's upload: their racelab folder (only what they
		// changed, here).
		put(t, filepath.Join(ag, "submission"), "go.mod", read(t, filepath.Join(root, "go.mod")))
		put(t, filepath.Join(ag, "submission"), lab06, solved)
		run("gradescope/run_autograder", "AUTOGRADER="+ag, "RACELAB_GRADE_FLAGS=-runs 1 -labs 6")
		data, err := os.ReadFile(filepath.Join(ag, "results", "results.json"))
		if err != nil {
			t.Fatal(err)
		}
		if err := platformspec.Gradescope(data); err != nil {
			t.Errorf("results.json: %v", err)
		}
		var res struct {
			Score float64
			Tests []struct {
				Score    float64
				MaxScore float64 `json:"max_score"`
				Status   string
			}
		}
		if err := json.Unmarshal(data, &res); err != nil || len(res.Tests) != 1 || res.Tests[0].Status != "passed" || res.Score != res.Tests[0].MaxScore {
			t.Errorf("a solved lab 06: %v\n%s", err, data)
		}
	})

	t.Run("prairielearn", func(t *testing.T) {
		g := t.TempDir()
		if err := os.MkdirAll(filepath.Join(g, "serverFilesCourse"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(root, filepath.Join(g, "serverFilesCourse", "racelab")); err != nil {
			t.Fatal(err)
		}
		// PrairieLearn hands over the student's files by name.
		put(t, filepath.Join(g, "student"), filepath.Base(lab06), solved)
		run("prairielearn/run.sh", "GRADE="+g, "RACELAB_LAB=6")
		data, err := os.ReadFile(filepath.Join(g, "results", "results.json"))
		if err != nil {
			t.Fatal(err)
		}
		if err := platformspec.PrairieLearn(data); err != nil {
			t.Errorf("results.json: %v", err)
		}
		var res struct {
			Gradable bool
			Score    float64
		}
		if err := json.Unmarshal(data, &res); err != nil || !res.Gradable || res.Score != 1 {
			t.Errorf("a solved lab 06: %v\n%s", err, data)
		}
	})
}

// TestClassroom50Autograder runs the Classroom 50 autograder as the runner
// would: in the student's checkout, with the submission's identity in the
// environment, the course in the bundle beside it.
func TestClassroom50Autograder(t *testing.T) {
	needTools(t)
	python, err := exec.LookPath("python3")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("python3 is missing in CI")
		}
		t.Skip("python3 not installed")
	}
	root := repoRoot(t)
	bin := t.TempDir()
	if err := os.Symlink(checkerBinary(t), filepath.Join(bin, "racelab-checker")); err != nil {
		t.Fatal(err)
	}
	bundle := t.TempDir()
	if err := os.Symlink(root, filepath.Join(bundle, "racelab")); err != nil {
		t.Fatal(err)
	}
	checkout := filepath.Join(t.TempDir(), "racelab-test-concurrency-student")
	put(t, checkout, "go.mod", read(t, filepath.Join(root, "go.mod")))
	put(t, checkout, lab06, read(t, filepath.Join(root, "solutions/06-waitgroup/squares.go")))
	output := filepath.Join(t.TempDir(), "github_output")
	cmd := exec.Command(python, filepath.Join(root, "docs", "platforms", "classroom50", "autograder.py"))
	cmd.Dir = checkout
	cmd.Env = append(append(os.Environ(), classroom50Env...),
		"PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"), "CLASSROOM50_BUNDLE_DIR="+bundle,
		"GITHUB_OUTPUT="+output, "GITHUB_ACTIONS=", "RACELAB_GRADE_FLAGS=-runs 1 -labs 6")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("autograder.py: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(checkout, "result.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := platformspec.Classroom50(data, platformspec.Classroom50Identity{Classroom: "racelab-test", Assignment: "concurrency"}); err != nil {
		t.Errorf("result.json: %v\n%s", err, data)
	}
	if got := read(t, output); !strings.HasPrefix(got, "status=success\nsummary=racelab: ") {
		t.Errorf("GITHUB_OUTPUT: %q", got)
	}
}
