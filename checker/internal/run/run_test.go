package run

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/racelab/racelab/checker/lab"
	"github.com/racelab/racelab/checker/protocol"
)

// fakeJudge writes a shell script standing in for a judge binary: it runs
// script, which may write a verdict to $RACELAB_VERDICT.
func fakeJudge(t *testing.T, script string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "judge")
	require.NoError(t, os.WriteFile(path, []byte("#!/bin/sh\n"+script+"\n"), 0o755))
	return path
}

const (
	passed = `echo '{"lab":"01-x","passed":true,"scripts":[{"name":"a","passed":true}]}' > "$RACELAB_VERDICT"`
	raced  = `echo '{"lab":"01-x","passed":false,"reasons":["race"],"scripts":[{"name":"a","passed":false,"reasons":["race"]}]}' > "$RACELAB_VERDICT"`
)

func TestJudgeOutcomes(t *testing.T) {
	l := &lab.Lab{Number: 1, Slug: "x", Dir: t.TempDir()}
	tests := []struct {
		name    string
		script  string
		max     int
		reasons []protocol.Reason
		err     string
	}{
		{"a verdict that passed and exit 0 pass", passed, 0, nil, ""},
		{"the verdict's reasons are the run's", raced + "; exit 1", 0, []protocol.Reason{protocol.Race}, ""},
		{"a passing verdict with a failing exit is no pass", passed + "; exit 1", 0, []protocol.Reason{protocol.Fail}, ""},
		{"no verdict is the judge's failure, not the program's", "echo hello; exit 0", 0, nil, "wrote no verdict"},
		{"a build the go command failed is the grader's error", `echo '{"lab":"01-x","passed":false,"fault":"the go command gave the compiler no file","scripts":[]}' > "$RACELAB_VERDICT"; exit 1`, 0, nil, "through no fault of its code"},
		{"a judge that prints forever is stopped", "while :; do echo 0123456789abcdef; done", 1 << 14, []protocol.Reason{protocol.OutputLimit}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			res, err := Judge(ctx, fakeJudge(t, tc.script), l, JudgeOptions{Program: "unused", MaxOutput: tc.max})
			if tc.err != "" {
				assert.ErrorContains(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.reasons, res.Reasons, "output: %.300s", res.Output)
			assert.Equal(t, len(tc.reasons) == 0, res.Passed())
			if tc.max > 0 {
				assert.Less(t, len(res.Output), 3*tc.max)
			}
		})
	}
}

// The judge learns where the program and the verdict are, and keeps the
// caller's variables.
func TestJudgeEnvironment(t *testing.T) {
	l := &lab.Lab{Number: 1, Slug: "x", Dir: t.TempDir()}
	judge := fakeJudge(t, `echo "program=$RACELAB_PROGRAM seed=$RACELAB_SEED dir=$PWD flags=$GOFLAGS"; `+passed)
	res, err := Judge(context.Background(), judge, l, JudgeOptions{Program: "/p/prog", Env: []string{"RACELAB_SEED=7"}})
	require.NoError(t, err)
	assert.Contains(t, res.Output, "program=/p/prog seed=7 dir="+l.Dir+" flags=")
	assert.Contains(t, res.Output, "-trimpath")
	assert.True(t, res.Passed())
}

func TestBuildProgram(t *testing.T) {
	root := t.TempDir()
	write := func(rel, data string) {
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(root, rel)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(root, rel), []byte(data), 0o644))
	}
	write("go.mod", "module example.com/m\n\ngo 1.26\n")
	write("labs/01-x/prog/main.go", "package main\n\nfunc main() { undefinedThing() }\n")
	l := &lab.Lab{Number: 1, Slug: "x", Program: "prog", Dir: filepath.Join(root, "labs/01-x")}
	out := filepath.Join(t.TempDir(), "prog")

	res, err := BuildProgram(context.Background(), root, l, out, CompileOptions{})
	require.NoError(t, err)
	assert.Equal(t, []protocol.Reason{protocol.Build}, res.Reasons)
	assert.Contains(t, res.Output, "undefined: undefinedThing")

	// A limit that kills the compiler is the grader's, not a compile error.
	killed := func([]string) []string { return []string{"sh", "-c", "kill -9 $$"} }
	_, err = BuildProgram(context.Background(), root, l, out, CompileOptions{Wrap: killed})
	var limit *ErrCompileFault
	assert.True(t, errors.As(err, &limit), "got %v", err)
	noisy := func([]string) []string {
		return []string{"sh", "-c", "echo 'example.com/m/labs/01-x/prog: /go/pkg/tool/compile: signal: killed'; exit 1"}
	}
	_, err = BuildProgram(context.Background(), root, l, out, CompileOptions{Wrap: noisy})
	assert.True(t, errors.As(err, &limit), "got %v", err)

	// A go command that lost a dependency's file is tried again, and is an
	// error, never the student's "does not compile", if it fails again.
	lostImport := "echo 'labs/01-x/prog/main.go:3:8: could not import maps (open : no such file or directory)'; exit 1"
	_, err = BuildProgram(context.Background(), root, l, out, CompileOptions{Wrap: func([]string) []string { return []string{"sh", "-c", lostImport} }})
	assert.True(t, errors.As(err, &limit), "got %v", err)
	assert.Contains(t, err.Error(), "not of the code")
	tries := filepath.Join(t.TempDir(), "tries")
	// Fails the first time, then builds for real: sh -c's $0 is tries,
	// "$@" the go command.
	once := func(argv []string) []string {
		return append([]string{"sh", "-c", `if [ ! -e "$0" ]; then touch "$0"; ` + lostImport + `; fi; exec "$@"`, tries}, argv...)
	}
	write("labs/01-x/prog/main.go", "package main\n\nfunc main() {}\n")
	res, err = BuildProgram(context.Background(), root, l, out, CompileOptions{Wrap: once})
	require.NoError(t, err)
	assert.True(t, res.Passed(), "the second try builds: %s", res.Output)
	_, err = os.Stat(tries)
	assert.NoError(t, err, "the first try ran")
	write("labs/01-x/prog/main.go", "package main\n\nfunc main() { undefinedThing() }\n")

	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	slow := func([]string) []string { return []string{"sleep", "5"} }
	_, err = BuildProgram(ctx, root, l, out, CompileOptions{Wrap: slow})
	assert.True(t, errors.As(err, &limit), "got %v", err)
	assert.Contains(t, err.Error(), "longer than the grader allows")

	write("labs/01-x/prog/main.go", "package main\n\nfunc main() {}\n")
	res, err = BuildProgram(context.Background(), root, l, out, CompileOptions{})
	require.NoError(t, err)
	assert.True(t, res.Passed(), res.Output)
	_, err = os.Stat(out)
	assert.NoError(t, err)
	assert.False(t, strings.Contains(res.Output, "error"))
}
