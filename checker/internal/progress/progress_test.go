package progress

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRecordAndReload(t *testing.T) {
	root := t.TempDir()
	now := time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)
	require.NoError(t, Update(root, func(s *State) {
		s.Record("01-waitgroup", false, "race", now)
		s.Record("01-waitgroup", true, "", now.Add(time.Minute))
		s.Record("02-channel-blocking", false, "race", now)
		s.Lab("02-channel-blocking").Hints = 2
	}))
	s, err := Load(root)
	require.NoError(t, err)
	assert.Equal(t, Passed, s.Lab("01-waitgroup").Status())
	assert.Equal(t, 2, s.Lab("01-waitgroup").Attempts)
	assert.Equal(t, now.Add(time.Minute), s.Lab("01-waitgroup").PassedAt)
	assert.Equal(t, Failing, s.Lab("02-channel-blocking").Status())
	assert.Equal(t, 2, s.Lab("02-channel-blocking").Hints)
	assert.Equal(t, NotStarted, s.Lab("03-mutex").Status())

	// A pass is never taken back by a later failing run: the lab was solved.
	s.Record("01-waitgroup", false, "race", now.Add(time.Hour))
	assert.Equal(t, Passed, s.Lab("01-waitgroup").Status())

	entries, err := os.ReadDir(root)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary files left behind")
}

func TestLoadErrors(t *testing.T) {
	root := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(root, File), []byte("{not json"), 0o644))
	_, err := Load(root)
	assert.ErrorContains(t, err, "delete the file")

	require.NoError(t, os.WriteFile(filepath.Join(root, File), []byte(`{"version": 99}`), 0o644))
	_, err = Load(root)
	assert.ErrorContains(t, err, "newer racelab")
}
