package sandbox

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/racelab/racelab/checker/internal/run"
	"github.com/racelab/racelab/checker/lab"
)

// needBwrap skips when bubblewrap is missing on a developer's machine; CI
// installs it (.ci/run), so there a missing bwrap fails the test.
func needBwrap(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("bwrap"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("bwrap is missing in CI: .ci/run must install bubblewrap")
		}
		t.Skip("bwrap not installed (apt-get install bubblewrap)")
	}
}

// program writes a shell script standing in for a lab program.
func program(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "prog")
	require.NoError(t, os.WriteFile(path, []byte("#!/bin/sh\n"+body+"\n"), 0o755))
	return path
}

// start runs bin as a judge would start a program, and returns its output.
func start(t *testing.T, sb *Sandbox, bin string, env []string) string {
	t.Helper()
	uid := <-sb.uids
	defer func() { sb.uids <- uid }()
	cmd, release, err := sb.Spec(uid).Command(context.Background(), bin, nil, env)
	require.NoError(t, err)
	defer release()
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	_ = cmd.Run()
	return out.String()
}

func TestSandboxIsolates(t *testing.T) {
	needBwrap(t)
	limits := DefaultLimits()
	limits.Memory = 256 << 20
	limits.Procs = 40
	sb, err := New(context.Background(), limits, 4)
	require.NoError(t, err)
	secret := filepath.Join(t.TempDir(), "other-submission.go")
	require.NoError(t, os.WriteFile(secret, []byte("package main // answers"), 0o644))
	t.Setenv("RACELAB_GRADER_SECRET", "s3cret") // must not reach the sandbox

	tests := []struct {
		name, body, want string
	}{
		{"works in its private tmpfs", `pwd`, `/tmp`},
		{"sees only the environment it was given", `env | sort | grep -v '^PWD=' | tr '\n' ' '; echo`, `GORACE=x RACELAB_JUDGED=1 `},
		{"has no network", `tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' \n'; echo`, "lo"},
		{"cannot write outside /tmp", `touch /x /usr/x /dev/shm/x /racelab/x 2>&1 | wc -l; touch /tmp/x && echo tmp-ok`, `4\ntmp-ok`},
		{"cannot see other files of the host", `cat ` + secret + ` /etc/passwd /root/.bashrc 2>&1 | grep -c 'No such file'`, "3"},
		{"is not root and cannot get privileges", `id -u | grep -vx 0 >/dev/null && echo unprivileged; unshare -U true 2>/dev/null || echo no-userns`, `unprivileged\nno-userns`},
		{"sees only its own processes", `ls /proc | grep -c '^[0-9]'`, `[1-5]`},
		{"cannot fork without bound", `i=0; while [ $i -lt 200 ]; do sleep 5 & i=$((i+1)); done 2>&1 | grep -c -m1 'Cannot fork'`, "1"},
		{"cannot fill the disk", `(head -c 600000000 /dev/zero > /tmp/big) 2>/dev/null; [ $(wc -c < /tmp/big) -le 67108864 ] && echo bounded`, "bounded"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if strings.Contains(tc.name, "not root") && os.Geteuid() != 0 {
				t.Skip("the grader drops root only when it has it")
			}
			t.Parallel()
			got := start(t, sb, program(t, tc.body), []string{"GORACE=x", "RACELAB_JUDGED=1"})
			assert.Regexp(t, regexp.MustCompile(`(?m)^`+tc.want+`$`), got)
			assert.NotContains(t, got, "s3cret", "the grader's environment leaked into the sandbox")
		})
	}
	t.Run("cannot allocate without bound", func(t *testing.T) {
		got := start(t, sb, buildHog(t), nil)
		// never the 1073741824 it prints when done
		assert.Regexp(t, `(fatal error: runtime: .*memory|SIGSEGV: segmentation violation)`, got)
	})
}

func TestJudgeStopsRunaways(t *testing.T) {
	needBwrap(t)
	ctx := context.Background()
	limits := DefaultLimits()
	limits.Wall = 2 * time.Second
	sb, err := New(ctx, limits, 2)
	require.NoError(t, err)
	l := &lab.Lab{Number: 1, Slug: "x", Dir: t.TempDir()}
	t.Run("wall clock", func(t *testing.T) {
		begin := time.Now()
		_, err := sb.Judge(ctx, program(t, `sleep 61 & sleep 61`), l, "unused", nil)
		assert.ErrorContains(t, err, "took longer than 2s", "the grader's limit, not a verdict")
		assert.Less(t, time.Since(begin), 20*time.Second)
		// Nothing of the run may survive it (the kernel takes a moment to
		// reap it).
		var out []byte
		for range 50 {
			out, _ = exec.Command("sh", "-c", "ps -eo args | grep -c '^sleep 61$'").Output()
			if strings.TrimSpace(string(out)) == "0" {
				return
			}
			time.Sleep(200 * time.Millisecond)
		}
		t.Errorf("processes of the run survived it: %s", out)
	})
	t.Run("interrupted grader is an error, not a verdict", func(t *testing.T) {
		cctx, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
		defer cancel()
		_, err := sb.Judge(cctx, program(t, `sleep 30`), l, "unused", nil)
		assert.True(t, errors.Is(err, context.DeadlineExceeded), "err = %v, want the grader's own deadline", err)
	})
	t.Run("the judge learns the sandbox and the limits", func(t *testing.T) {
		judge := program(t, `echo "$RACELAB_SANDBOX $RACELAB_MAX_OUTPUT $RACELAB_RUN_LIMIT $RACELAB_PROGRAM"; echo '{"passed":true,"scripts":[{"name":"a","passed":true}]}' > "$RACELAB_VERDICT"`)
		res, err := sb.Judge(ctx, judge, l, "/some/prog", nil)
		require.NoError(t, err)
		assert.True(t, res.Passed())
		assert.Contains(t, res.Output, `"bwrap":"`)
		assert.Contains(t, res.Output, " 1048576 1m0s /some/prog")
	})
}

func TestUnsandboxedStillLimits(t *testing.T) {
	sb, err := Unsandboxed(DefaultLimits(), 1)
	require.NoError(t, err)
	assert.False(t, sb.Enabled())
	got := start(t, sb, program(t, `ulimit -t; echo $RACELAB_X`), []string{"RACELAB_X=set"})
	assert.Equal(t, []string{"60", "set"}, strings.Fields(got), "the CPU limit and the run's environment")
}

// buildHog builds a program that allocates and touches 1 GiB.
func buildHog(t *testing.T) string {
	t.Helper()
	src := filepath.Join(t.TempDir(), "hog.go")
	prog := "package main\n\nfunc main() {\n\tb := make([]byte, 1<<30)\n\tfor i := range b {\n\t\tb[i] = 1\n\t}\n\tprintln(len(b))\n}\n"
	require.NoError(t, os.WriteFile(src, []byte(prog), 0o644))
	bin := filepath.Join(t.TempDir(), "hog")
	out, err := exec.Command("go", "build", "-o", bin, src).CombinedOutput()
	require.NoError(t, err, "building the memory hog: %s", out)
	return bin
}

func TestUserProcessesCountsThreads(t *testing.T) {
	// This test process alone has several threads (the Go runtime's).
	assert.GreaterOrEqual(t, userProcesses(os.Getuid()), 2)
}

// smallLab writes a module with one lab program that compiles in a second.
func smallLab(t *testing.T) (string, *lab.Lab) {
	t.Helper()
	dir := t.TempDir() // a new path each time, so the package is compiled afresh
	files := map[string]string{
		"go.mod":              "module example.com/small\n\ngo 1.26\n",
		"labs/01-x/prog/p.go": "package main\n\nfunc main() {}\n",
	}
	for name, content := range files {
		path := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
	}
	return dir, &lab.Lab{Number: 1, Slug: "x", Program: "prog", Dir: filepath.Join(dir, "labs/01-x")}
}

// A compile stopped by a limit is the grader's limit (an error the grader
// reports as such), never the student's build failure.
func TestCompileWithinLimits(t *testing.T) {
	tests := []struct {
		name   string
		adjust func(*Limits)
		limit  string // "" for a compile that passes
	}{
		{"default limits", func(*Limits) {}, ""},
		{"memory", func(l *Limits) { l.CompileMemory = 8 << 20 }, "stopped without a message"},
		{"wall clock", func(l *Limits) { l.CompileWall = time.Millisecond }, "compiling took longer than the grader allows"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			limits := DefaultLimits()
			tt.adjust(&limits)
			sb, err := Unsandboxed(limits, 1)
			require.NoError(t, err)
			root, l := smallLab(t)
			res, err := sb.Compile(context.Background(), root, l, filepath.Join(t.TempDir(), "prog"), "")
			if tt.limit == "" {
				require.NoError(t, err)
				assert.True(t, res.Passed(), res.Output)
				return
			}
			var limit *run.ErrCompileFault
			require.True(t, errors.As(err, &limit), "err = %v, output %s", err, res.Output)
			assert.Contains(t, limit.Error(), tt.limit)
		})
	}
}
