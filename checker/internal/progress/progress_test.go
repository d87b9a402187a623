package progress

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// childEnv, when set, makes the test binary a process that updates the
// progress file under the folder it names and exits: the concurrency test
// runs two of them.
const childEnv = "RACELAB_PROGRESS_CHILD"

// childUpdates is how many updates each child makes.
const childUpdates = 200

func TestMain(m *testing.M) {
	if root := os.Getenv(childEnv); root != "" {
		for range childUpdates {
			if _, err := (Store{Root: root}).Update(func(s *State) { s.Lab("mutex").Hints++ }); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func TestRecordAndReload(t *testing.T) {
	st := Store{Root: t.TempDir()}
	now := time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)
	_, err := st.Update(func(s *State) {
		s.Record("waitgroup", false, "race", now)
		s.Record("waitgroup", true, "", now.Add(time.Minute))
		s.Record("channel-blocking", false, "race", now)
		s.Lab("channel-blocking").Hints = 2
	})
	require.NoError(t, err)
	s, err := st.Load()
	require.NoError(t, err)
	assert.Equal(t, Passed, s.Lab("waitgroup").Status())
	assert.Equal(t, 2, s.Lab("waitgroup").Attempts)
	assert.Equal(t, now.Add(time.Minute), s.Lab("waitgroup").PassedAt)
	assert.Equal(t, Failing, s.Lab("channel-blocking").Status())
	assert.Equal(t, 2, s.Lab("channel-blocking").Hints)
	assert.Equal(t, NotStarted, s.Lab("mutex").Status())

	// A pass is never taken back by a later failing run: the lab was solved.
	s.Record("waitgroup", false, "race", now.Add(time.Hour))
	assert.Equal(t, Passed, s.Lab("waitgroup").Status())

	entries, err := os.ReadDir(st.Root)
	require.NoError(t, err)
	for _, e := range entries {
		assert.Contains(t, []string{File, LockFile}, e.Name(), "no temporary files left behind")
	}
}

// Reset is the only way back from a pass: the student put the file back.
func TestResetForgetsThePassButNotTheHints(t *testing.T) {
	st := Store{Root: t.TempDir()}
	now := time.Now()
	_, err := st.Update(func(s *State) {
		s.Record("mutex", true, "", now)
		s.Lab("mutex").Hints = 1
		s.Lab("mutex").Stability = &Stability{Runs: 20, At: now}
		s.Record("once", true, "", now)
	})
	require.NoError(t, err)
	_, err = st.Update(func(s *State) { s.Reset("mutex"); s.Reset("once"); s.Reset("never-run") })
	require.NoError(t, err)
	s, err := st.Load()
	require.NoError(t, err)
	assert.Equal(t, NotStarted, s.StatusOf("mutex"))
	assert.Equal(t, &Lab{Hints: 1}, s.Labs["mutex"])
	assert.NotContains(t, s.Labs, "once", "nothing left to remember")
}

// A new pass is a new program: the stability of the old one says nothing.
func TestANewPassForgetsStability(t *testing.T) {
	var s State
	s.Record("mutex", true, "", time.Now())
	s.Lab("mutex").Stability = &Stability{Runs: 7, Failures: 1}
	s.Record("mutex", false, "race", time.Now())
	assert.NotNil(t, s.Lab("mutex").Stability, "a failing run after the pass changes nothing")
	s.Record("mutex", true, "", time.Now())
	assert.Nil(t, s.Lab("mutex").Stability)
}

// A pass whose stability run then failed is not a pass: the same program
// failed the same tests when run again. A stable one is.
func TestAnOverturnedPassIsNotAPass(t *testing.T) {
	var s State
	s.Record("mutex", true, "", time.Now())
	assert.Equal(t, Passed, s.StatusOf("mutex"), "passed, stability not run yet")
	s.Lab("mutex").Stability = &Stability{Runs: 20, Failures: 3, Reason: "race"}
	assert.Equal(t, Failing, s.StatusOf("mutex"))
	s.Record("mutex", true, "", time.Now())
	s.Lab("mutex").Stability = &Stability{Runs: 20}
	assert.Equal(t, Passed, s.StatusOf("mutex"))
}

// Two processes each making 200 updates at once leave 400: none is lost to
// a read-modify-write of the other's.
func TestTwoProcessesLoseNoUpdate(t *testing.T) {
	root := t.TempDir()
	var cmds []*exec.Cmd
	for range 2 {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), childEnv+"="+root)
		cmd.Stderr = os.Stderr
		require.NoError(t, cmd.Start())
		cmds = append(cmds, cmd)
	}
	for _, cmd := range cmds {
		require.NoError(t, cmd.Wait())
	}
	s, err := Store{Root: root}.Load()
	require.NoError(t, err)
	assert.Equal(t, 2*childUpdates, s.Lab("mutex").Hints)
}

// A version 1 file (labs by directory name) carries over to the renumbered
// course by slug; a lab the course dropped is dropped, once, with a name
// for the note.
func TestVersion1CarriesOverBySlug(t *testing.T) {
	root := t.TempDir()
	old := `{"version": 1, "labs": {
		"01-waitgroup": {"attempts": 3, "passed": true},
		"05-seq-par-concurrent": {"attempts": 1, "hints": 2},
		"17-worker-pool": {"attempts": 4, "passed": true}
	}}`
	require.NoError(t, os.WriteFile(filepath.Join(root, File), []byte(old), 0o644))
	st := Store{Root: root, Slugs: []string{"seq-par-concurrent", "parallel", "waitgroup"}}
	s, err := st.Load()
	require.NoError(t, err)
	assert.Equal(t, []string{"worker-pool"}, s.Dropped)
	assert.Equal(t, Passed, s.StatusOf("waitgroup"))
	assert.Equal(t, 2, s.Lab("seq-par-concurrent").Hints)
	assert.NotContains(t, s.Labs, "worker-pool")

	var saved struct {
		Version int
		Labs    map[string]json.RawMessage
	}
	data, err := os.ReadFile(filepath.Join(root, File))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &saved))
	assert.Equal(t, version, saved.Version, "brought up to date on disk")
	assert.Len(t, saved.Labs, 2)

	s, err = st.Load()
	require.NoError(t, err)
	assert.Empty(t, s.Dropped, "the note is given once")
}

func TestLoadErrors(t *testing.T) {
	root := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(root, File), []byte("{not json"), 0o644))
	_, err := Store{Root: root}.Load()
	assert.ErrorIs(t, err, ErrDamaged)
	assert.ErrorContains(t, err, "delete the file")

	require.NoError(t, os.WriteFile(filepath.Join(root, File), []byte(`{"version": `+strconv.Itoa(version+1)+`}`), 0o644))
	_, err = Store{Root: root}.Load()
	assert.ErrorIs(t, err, ErrNewer)
	assert.ErrorContains(t, err, "newer racelab")
}
