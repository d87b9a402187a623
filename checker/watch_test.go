package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/racelab/racelab/checker/internal/progress"
	"github.com/racelab/racelab/checker/internal/run"
	"github.com/racelab/racelab/checker/internal/stability"
	"github.com/racelab/racelab/checker/internal/termtext"
	"github.com/racelab/racelab/checker/internal/watch"
	"github.com/racelab/racelab/checker/lab"
	"github.com/racelab/racelab/checker/protocol"
)

// fakeScreen is a terminal of a fixed size that keeps every frame drawn.
type fakeScreen struct {
	width, height int

	mu     sync.Mutex
	frames [][]string
}

func (f *fakeScreen) size() (int, int) { return f.width, f.height }

func (f *fakeScreen) draw(lines []string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.frames = append(f.frames, append([]string(nil), lines...))
}

func (f *fakeScreen) last() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.frames) == 0 {
		return ""
	}
	return strings.Join(f.frames[len(f.frames)-1], "\n")
}

// waitFor waits until the screen shows text, and checks that every line
// of every frame so far fits the screen.
func (f *fakeScreen) waitFor(t *testing.T, text string) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if got := f.last(); strings.Contains(got, text) {
			f.mu.Lock()
			defer f.mu.Unlock()
			for _, frame := range f.frames {
				for _, line := range frame {
					require.LessOrEqual(t, termtext.Len(line), f.width, "a line wider than the screen: %q", line)
				}
				require.LessOrEqual(t, len(frame), f.height, "a frame taller than the screen")
			}
			return got
		}
		if time.Now().After(deadline) {
			t.Fatalf("the screen never showed %q; it shows:\n%s", text, f.last())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// fakeCourse is a repository of two labs, committed to git (reset needs
// the shipped files), whose runs the test decides.
type fakeCourse struct {
	root string
	labs []*lab.Lab
	// runs receives each run's lab and context, and the report to give
	// back; a nil report blocks the run until its context ends.
	runs chan fakeRun
	// saves stands for the file watcher.
	saves chan string
}

type fakeRun struct {
	l     *lab.Lab
	reply chan *report
}

func newFakeCourse(t *testing.T) *fakeCourse {
	t.Helper()
	root := t.TempDir()
	c := &fakeCourse{root: root, runs: make(chan fakeRun), saves: make(chan string)}
	for i, slug := range []string{"alpha", "beta", "gamma"} {
		l := &lab.Lab{
			Number: i + 1, Slug: slug, Program: "prog", Editable: []string{slug + ".go"}, Points: 10,
			Title: lab.Text{EN: "The " + slug + " lab with a title long enough to be cut on a narrow terminal", ID: "Lab " + slug},
			Hints: []lab.Text{{EN: "First hint of " + slug, ID: "Petunjuk pertama " + slug}, {EN: "Second hint", ID: "Petunjuk kedua"}},
		}
		l.Dir = filepath.Join(root, "labs", l.Name())
		require.NoError(t, os.MkdirAll(l.ProgramDir(), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(l.ProgramDir(), slug+".go"), []byte("package main // shipped\n"), 0o644))
		c.labs = append(c.labs, l)
	}
	for _, args := range [][]string{
		{"init", "-q"}, {"add", "-A"},
		{"-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "shipped"},
	} {
		cmd := exec.Command("git", args...)
		cmd.Dir = root
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, string(out))
	}
	return c
}

// start runs the home screen on a fake screen, with keys typed into the
// returned writer; done receives the loop's error.
func (c *fakeCourse) start(t *testing.T, scr *fakeScreen, vars map[string]string, stable func(context.Context, *lab.Lab, int, func(int, int)) (stability.Outcome, error)) (io.Writer, chan error) {
	t.Helper()
	var out syncBuffer
	e := envFor(c.root, vars, &out)
	h := &home{
		e: e, root: c.root, all: c.labs, cur: c.labs[0], runs: 5,
		run: func(ctx context.Context, _ *env, l *lab.Lab) (report, error) {
			reply := make(chan *report, 1)
			select {
			case c.runs <- fakeRun{l, reply}:
			case <-ctx.Done():
				return report{}, errInterrupted
			}
			select {
			case rep := <-reply:
				if rep != nil {
					return *rep, nil
				}
				<-ctx.Done()
			case <-ctx.Done():
			}
			return report{}, errInterrupted // as runLab says when stopped
		},
		stable: stable,
		files: func(context.Context, *lab.Lab, func(string)) (<-chan string, error) {
			return c.saves, nil
		},
	}
	if h.stable == nil {
		h.runs = 0
	}
	pr, pw := io.Pipe()
	keys := make(chan watch.Key)
	ctx, cancel := context.WithCancel(context.Background())
	go watch.ReadKeys(ctx, pr, keys)
	done := make(chan error, 1)
	go func() { done <- h.loop(ctx, scr, keys) }()
	t.Cleanup(func() { cancel(); pw.Close() })
	return pw, done
}

// answer waits for the next run and answers it.
func (c *fakeCourse) answer(t *testing.T, want *lab.Lab, rep *report) {
	t.Helper()
	select {
	case r := <-c.runs:
		require.Equal(t, want.Name(), r.l.Name(), "the lab run")
		if rep != nil {
			rep.lab = r.l
		}
		r.reply <- rep
	case <-time.After(10 * time.Second):
		t.Fatalf("lab %s was never run", want.Name())
	}
}

func failing(reason protocol.Reason, text string) *report {
	return &report{res: run.Result{Reasons: []protocol.Reason{reason}}, text: text}
}

func (c *fakeCourse) state(t *testing.T) *progress.State {
	t.Helper()
	s, err := store(c.root, c.labs).Load()
	require.NoError(t, err)
	return s
}

func TestHomeScreenKeys(t *testing.T) {
	for _, width := range []int{60, 120} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			c := newFakeCourse(t)
			scr := &fakeScreen{width: width, height: 24}
			keys, done := c.start(t, scr, map[string]string{"MAKELEVEL": "1"}, nil)
			type_ := func(s string) { _, err := io.WriteString(keys, s); require.NoError(t, err) }
			alpha, beta := c.labs[0], c.labs[1]

			scr.waitFor(t, "Running lab 01-alpha")
			c.answer(t, alpha, failing(protocol.Race, "1. Data race on squares, explained at some length so that it must wrap on a narrow screen\n"))
			got := scr.waitFor(t, "does not pass yet: a data race")
			assert.Contains(t, got, "h hint")
			assert.Contains(t, got, "0/3 labs")

			type_("h")
			scr.waitFor(t, "Hint 1 of 2 for lab 01-alpha")
			assert.Equal(t, 1, c.state(t).Lab("alpha").Hints, "the hint is recorded")
			type_("h")
			scr.waitFor(t, "Second hint")

			// A save runs the lab again.
			c.saves <- "alpha.go"
			scr.waitFor(t, "Running lab 01-alpha")
			c.answer(t, alpha, failing(protocol.Deadlock, "deadlocked\n"))
			scr.waitFor(t, "never finishes")
			assert.Equal(t, 2, c.state(t).Lab("alpha").Attempts)

			// The list: down one, Enter opens lab 2.
			type_("l")
			scr.waitFor(t, "racelab: the labs")
			scr.waitFor(t, "▸ 01")
			type_("\x1b[B")
			scr.waitFor(t, "▸ 02")
			type_("\r")
			scr.waitFor(t, "Running lab 02-beta")
			c.answer(t, beta, &report{})
			scr.waitFor(t, "Lab 02-beta passes")
			scr.waitFor(t, "Press n for the next lab: 03-gamma")
			assert.Equal(t, progress.Passed, c.state(t).StatusOf("beta"))

			// Reset asks, puts the file back and clears the pass.
			file := filepath.Join(beta.ProgramDir(), "beta.go")
			require.NoError(t, os.WriteFile(file, []byte("my fix\n"), 0o644))
			type_("r")
			scr.waitFor(t, "Put labs/02-beta/prog/beta.go back as shipped?")
			type_("y")
			scr.waitFor(t, "is back as shipped")
			data, err := os.ReadFile(file)
			require.NoError(t, err)
			assert.Equal(t, "package main // shipped\n", string(data))
			assert.Equal(t, progress.NotStarted, c.state(t).StatusOf("beta"))

			// A number in the list picks that lab.
			type_("l3\r")
			scr.waitFor(t, "Running lab 03-gamma")
			c.answer(t, c.labs[2], failing(protocol.Build, "does not compile\n"))
			scr.waitFor(t, "does not pass yet")

			type_("q")
			select {
			case err := <-done:
				assert.NoError(t, err)
			case <-time.After(5 * time.Second):
				t.Fatal("q did not quit")
			}
		})
	}
}

// Ctrl-C during a run stops it and quits: no verdict, no attempt recorded
// (not a fake "took too long").
func TestHomeScreenCtrlCRecordsNothing(t *testing.T) {
	c := newFakeCourse(t)
	scr := &fakeScreen{width: 80, height: 24}
	keys, done := c.start(t, scr, nil, nil)
	scr.waitFor(t, "Running lab 01-alpha")
	c.answer(t, c.labs[0], nil) // the run goes on until stopped
	_, err := io.WriteString(keys, "\x03")
	require.NoError(t, err)
	select {
	case err := <-done:
		assert.NoError(t, err)
	case <-time.After(5 * time.Second):
		t.Fatal("Ctrl-C did not quit")
	}
	assert.Equal(t, progress.NotStarted, c.state(t).StatusOf("alpha"))
	assert.NotContains(t, scr.last(), "too long")
}

// After a pass the stability check runs in the background, the screen
// still answering keys, and its finding is shown and recorded.
func TestHomeScreenStabilityAfterAPass(t *testing.T) {
	c := newFakeCourse(t)
	scr := &fakeScreen{width: 70, height: 30}
	release := make(chan struct{})
	stable := func(ctx context.Context, l *lab.Lab, runs int, progress func(int, int)) (stability.Outcome, error) {
		progress(1, 0)
		select {
		case <-release:
		case <-ctx.Done():
			return stability.Outcome{}, ctx.Err()
		}
		first := failing(protocol.Race, "").res
		return stability.Outcome{Runs: 7, Failures: 1, First: &first, Cond: "GOMAXPROCS=2, race"}, nil
	}
	keys, _ := c.start(t, scr, map[string]string{"L": "id"}, stable)
	scr.waitFor(t, "Menjalankan lab 01-alpha")
	c.answer(t, c.labs[0], &report{})
	scr.waitFor(t, "Lab 01-alpha lulus")
	scr.waitFor(t, "1/5 run")
	_, err := io.WriteString(keys, "h")
	require.NoError(t, err)
	scr.waitFor(t, "Petunjuk 1 dari 2")
	close(release)
	got := scr.waitFor(t, "gagal 1 dari 7 run di bawah beban")
	assert.Contains(t, got, "GOMAXPROCS=2")
	st := c.state(t).Lab("alpha").Stability
	require.NotNil(t, st)
	assert.Equal(t, 1, st.Failures)
	assert.Equal(t, "race", st.Reason)
}

// A list longer than the screen scrolls to keep the chosen lab in view.
func TestHomeScreenListScrolls(t *testing.T) {
	var labs []*lab.Lab
	for i := 1; i <= 32; i++ {
		labs = append(labs, &lab.Lab{Number: i, Slug: "lab" + string(rune('a'+i%26)), Title: lab.Text{EN: "A lab"}})
	}
	h := &home{e: envFor(t.TempDir(), nil, &syncBuffer{}), root: t.TempDir(), all: labs, cur: labs[0]}
	h.view = view{mode: modeList, cursor: 30}
	lines := h.renderList(h.e.ui(), 60, 12)
	assert.Len(t, lines, 12)
	assert.Contains(t, strings.Join(lines, "\n"), "▸ 31")
}

// A run stopped by Ctrl-C is not a run: runLab says so before anything
// reads the killed judge's output as a verdict.
func TestStoppedRunIsNotARun(t *testing.T) {
	all, err := lab.Discover("..")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out syncBuffer
	_, err = runLab(ctx, envFor("..", nil, &out), "..", all[0], false)
	assert.ErrorIs(t, err, errInterrupted)
}
