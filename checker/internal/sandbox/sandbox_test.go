package sandbox

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
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

// world makes a directory every user can read, as the sandbox's unprivileged
// user must.
func world(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for d := dir; d != os.TempDir() && d != "/"; d = filepath.Dir(d) {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// script writes a shell script standing in for a test binary. What it
// prints is the test2json event stream's output.
func script(t *testing.T, dir, body string) string {
	t.Helper()
	path := filepath.Join(dir, "probe.test")
	if err := os.WriteFile(path, []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestSandboxIsolates(t *testing.T) {
	needBwrap(t)
	ctx := context.Background()
	limits := DefaultLimits()
	limits.Wall = 20 * time.Second
	limits.Memory = 256 << 20
	limits.Procs = 40
	sb, err := New(ctx, limits, 4)
	if err != nil {
		t.Fatal(err)
	}
	dir := world(t)
	secret := filepath.Join(t.TempDir(), "other-submission.go")
	if err := os.WriteFile(secret, []byte("package main // answers"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "lab.toml"), []byte("points = 10\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	buildHog(t, dir)
	t.Setenv("RACELAB_GRADER_SECRET", "s3cret") // must not reach the sandbox

	tests := []struct {
		name, body, want string
	}{
		{"works in the lab directory", `cat lab.toml; pwd`, `points = 10\n/lab`},
		{"sees only the environment it was given", `env | sort | grep -v '^PWD=' | tr '\n' ' '; echo`,
			`GORACE=x HOME=/tmp PATH=/usr/bin:/bin TMPDIR=/tmp `},
		{"has no network", `tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' \n'; echo`, "lo"},
		{"cannot write outside /tmp", `touch /lab/x /x /usr/x /dev/shm/x 2>&1 | wc -l; touch /tmp/x && echo tmp-ok`, `4\ntmp-ok`},
		{"cannot see other files of the host", `cat ` + secret + ` /etc/passwd /root/.bashrc 2>&1 | grep -c 'No such file'`, "3"},
		{"is not root and cannot get privileges", `id -u | grep -vx 0 >/dev/null && echo unprivileged; unshare -U true 2>/dev/null || echo no-userns`, `unprivileged\nno-userns`},
		{"sees only its own processes", `ls /proc | grep -c '^[0-9]'`, `[1-5]`},
		{"cannot fork without bound", `i=0; while [ $i -lt 200 ]; do sleep 5 & i=$((i+1)); done 2>&1 | grep -c -m1 'Cannot fork'`, "1"},
		{"cannot allocate without bound", `/lab/hog 2>&1 | head -1`, `(fatal error: runtime: .*memory|SIGSEGV: segmentation violation)`}, // never the 1073741824 it prints when done
		{"cannot fill the disk", `(head -c 600000000 /dev/zero > /tmp/big) 2>/dev/null; [ $(wc -c < /tmp/big) -le 134217728 ] && echo bounded`, "bounded"},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			sub := filepath.Join(dir, fmt.Sprint(i))
			if err := os.Mkdir(sub, 0o755); err != nil {
				t.Fatal(err)
			}
			bin := script(t, sub, tc.body)
			res, err := sb.Run(ctx, bin, Spec{LabDir: dir, Env: []string{"GORACE=x"}})
			if err != nil {
				t.Fatal(err)
			}
			got := res.Output
			if !regexp.MustCompile(`(?m)^` + tc.want + `$`).MatchString(got) {
				t.Errorf("got %q, want lines matching %q", got, tc.want)
			}
			if strings.Contains(got, "s3cret") {
				t.Errorf("the grader's environment leaked into the sandbox")
			}
		})
	}
}

func TestSandboxStopsRunaways(t *testing.T) {
	needBwrap(t)
	ctx := context.Background()
	// A short wall clock for the run that must be stopped by it; a long
	// one for the others, whose start alone can take seconds on a loaded
	// machine.
	short, long := DefaultLimits(), DefaultLimits()
	short.Wall, long.Wall = 2*time.Second, time.Minute
	long.MaxOutput = 1 << 16
	sbShort, err := New(ctx, short, 2)
	if err != nil {
		t.Fatal(err)
	}
	sbLong, err := New(ctx, long, 2)
	if err != nil {
		t.Fatal(err)
	}
	dir := world(t)
	t.Run("wall clock", func(t *testing.T) {
		start := time.Now()
		res, err := sbShort.Run(ctx, script(t, dir, `sleep 61 & sleep 61`), Spec{LabDir: dir})
		if err != nil {
			t.Fatal(err)
		}
		if !res.TimedOut || res.Passed() || time.Since(start) > 20*time.Second {
			t.Errorf("timedOut=%v passed=%v after %v", res.TimedOut, res.Passed(), time.Since(start))
		}
		// Nothing of the run may survive it: its PID namespace dies with
		// it (the kernel takes a moment to reap it).
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
	t.Run("output", func(t *testing.T) {
		res, err := sbLong.Run(ctx, script(t, dir, `yes "fake --- PASS line"`), Spec{LabDir: dir})
		if err != nil {
			t.Fatal(err)
		}
		if !res.Truncated || res.Passed() || len(res.Output) > 3*long.MaxOutput {
			t.Errorf("truncated=%v passed=%v len=%d", res.Truncated, res.Passed(), len(res.Output))
		}
	})
	t.Run("interrupted grader is an error, not a verdict", func(t *testing.T) {
		cctx, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
		defer cancel()
		_, err := sbLong.Run(cctx, script(t, dir, `sleep 30`), Spec{LabDir: dir})
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("err = %v, want the grader's own deadline", err)
		}
	})
}

func TestUnsandboxedStillLimits(t *testing.T) {
	limits := DefaultLimits()
	limits.Wall = time.Minute
	sb, err := Unsandboxed(limits, 1)
	if err != nil {
		t.Fatal(err)
	}
	if sb.Enabled() {
		t.Fatal("Unsandboxed reports a sandbox")
	}
	dir := t.TempDir()
	res, err := sb.Run(context.Background(), script(t, dir, `ulimit -t; echo $RACELAB_X`), Spec{LabDir: dir, Env: []string{"RACELAB_X=set"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Fields(res.Output); len(got) < 2 || got[0] != "120" || got[1] != "set" {
		t.Errorf("output %q: want the CPU limit and the run's environment", res.Output)
	}
}

// buildHog builds a program that allocates and touches 1 GiB.
func buildHog(t *testing.T, dir string) {
	t.Helper()
	src := filepath.Join(t.TempDir(), "hog.go")
	prog := "package main\n\nfunc main() {\n\tb := make([]byte, 1<<30)\n\tfor i := range b {\n\t\tb[i] = 1\n\t}\n\tprintln(len(b))\n}\n"
	if err := os.WriteFile(src, []byte(prog), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "build", "-o", filepath.Join(dir, "hog"), src)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building the memory hog: %v\n%s", err, out)
	}
}

func TestUserProcessesCountsThreads(t *testing.T) {
	// This test process alone has several threads (the Go runtime's).
	if n := userProcesses(os.Getuid()); n < 2 {
		t.Errorf("userProcesses = %d, want this process's threads counted", n)
	}
}

// smallModule writes a module whose one test package compiles in a second.
func smallModule(t *testing.T) string {
	t.Helper()
	dir := t.TempDir() // a new path each time, so the package is compiled afresh
	files := map[string]string{
		"go.mod":      "module example.com/small\n\ngo 1.26\n",
		"p/p.go":      "package p\n\nfunc F() int { return 1 }\n",
		"p/p_test.go": "package p\n\nimport \"testing\"\n\nfunc TestF(t *testing.T) { _ = F() }\n",
	}
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestCompileWithinLimits(t *testing.T) {
	if _, err := exec.LookPath("prlimit"); err != nil {
		t.Skip("prlimit not installed")
	}
	dir := smallModule(t)
	tests := []struct {
		name   string
		adjust func(*Limits)
		pass   bool
		output string
	}{
		{"default limits", func(*Limits) {}, true, ""},
		// So little memory that the go command cannot even start: the
		// compile fails as the student's build, and says what happened.
		{"memory", func(l *Limits) { l.CompileMemory = 8 << 20 }, false, "racelab:"},
		{"wall clock", func(l *Limits) { l.CompileWall = time.Millisecond }, false, "compiling took longer than the grader allows"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			limits := DefaultLimits()
			tt.adjust(&limits)
			sb, err := Unsandboxed(limits, 1)
			if err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(t.TempDir(), "p.test")
			res, err := sb.Compile(context.Background(), dir, "./p", out, "")
			if err != nil {
				t.Fatalf("Compile: %v", err)
			}
			if res.Passed() != tt.pass {
				t.Fatalf("passed = %v, want %v; output:\n%s", res.Passed(), tt.pass, res.Output)
			}
			if !tt.pass && res.Output == "" {
				t.Error("a failed compile must say why")
			}
			if !strings.Contains(res.Output, tt.output) {
				t.Errorf("output lacks %q:\n%s", tt.output, res.Output)
			}
		})
	}
}
