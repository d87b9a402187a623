package verify

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/racelab/racelab/checker/internal/workspace"
	"github.com/racelab/racelab/checker/lab"
)

// SuiteRun is one plain `go test -race ./labs/...`, the way an auto-grader
// runs the labs: none of racelab's own flags or environment.
type SuiteRun struct {
	Solved   bool // every solution applied
	Passed   bool
	Duration time.Duration
	Output   string // when it did not go as it should
}

// OK reports whether the run went as it must: the solved tree passes, the
// shipped tree fails.
func (s SuiteRun) OK() bool { return s.Passed == s.Solved }

// Suite runs plain `go test -race ./labs/...` once on the shipped tree and
// n times with every solution applied, in private copies.
func Suite(ctx context.Context, root string, labs []*lab.Lab, n int) ([]SuiteRun, error) {
	solved := map[string][]byte{}
	for _, l := range labs {
		for _, f := range l.Editable {
			src, err := os.ReadFile(filepath.Join(l.SolutionDir(root), f))
			if err != nil {
				return nil, fmt.Errorf("suite: %w", err)
			}
			solved[l.Rel(f)] = src
		}
	}
	var runs []SuiteRun
	for i := 0; i <= n; i++ {
		files := solved
		if i == 0 {
			files = nil
		}
		r, err := suiteRun(ctx, root, files)
		if err != nil {
			return runs, err
		}
		runs = append(runs, r)
	}
	return runs, nil
}

func suiteRun(ctx context.Context, root string, files map[string][]byte) (SuiteRun, error) {
	ws, err := workspace.New(root, "", files)
	if err != nil {
		return SuiteRun{}, err
	}
	defer ws.Remove()
	cmd := exec.CommandContext(ctx, "go", "test", "-race", "-count=1", "./labs/...")
	cmd.Dir = ws.Dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err = cmd.Run()
	r := SuiteRun{Solved: files != nil, Passed: err == nil, Duration: time.Since(start)}
	if _, isExit := err.(*exec.ExitError); err != nil && !isExit {
		return r, fmt.Errorf("suite: running go test: %w", err)
	}
	if !r.OK() {
		r.Output = out.String()
	}
	return r, nil
}
