package watch

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/fsnotify/fsnotify"
)

func TestWatch(t *testing.T) {
	for _, mode := range []struct {
		name string
		poll bool
	}{{"events", false}, {"polling", true}} {
		t.Run(mode.name, func(t *testing.T) {
			dir := t.TempDir()
			file := filepath.Join(dir, "bank.go")
			require.NoError(t, os.WriteFile(file, []byte("v1"), 0o644))
			ctx, cancel := context.WithCancel(context.Background())
			changes, err := Watch(ctx, dir, []string{"bank.go"}, Options{Poll: mode.poll, Interval: 20 * time.Millisecond})
			require.NoError(t, err)

			// Another file changing is not a save of the lab's file.
			require.NoError(t, os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("x"), 0o644))
			// An editor that saves by writing a new file and renaming it.
			tmp := filepath.Join(dir, ".bank.go.swp")
			require.NoError(t, os.WriteFile(tmp, []byte("v2, longer"), 0o644))
			require.NoError(t, os.Rename(tmp, file))

			select {
			case name := <-changes:
				assert.Equal(t, "bank.go", name)
			case <-time.After(5 * time.Second):
				t.Fatal("the save was not seen")
			}
			cancel()
			for range changes {
			}
		})
	}
}

func TestFallbackWhenEventsDoNotArrive(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.go")
	require.NoError(t, os.WriteFile(file, []byte("x"), 0o644))
	var reason string
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	changes, err := Watch(ctx, dir, []string{"a.go"}, Options{
		Interval:   20 * time.Millisecond,
		OnFallback: func(r string) { reason = r },
		probe: func(*fsnotify.Watcher, string, time.Duration) error {
			return errors.New("no file event arrived within 2s")
		},
	})
	require.NoError(t, err)
	assert.Equal(t, "no file event arrived within 2s", reason)
	require.NoError(t, os.WriteFile(file, []byte("xy"), 0o644))
	select {
	case name := <-changes:
		assert.Equal(t, "a.go", name, "polling took over")
	case <-time.After(5 * time.Second):
		t.Fatal("polling did not see the save")
	}
}

func TestProbeSeesItsOwnEvent(t *testing.T) {
	dir := t.TempDir()
	w, err := fsnotify.NewWatcher()
	require.NoError(t, err)
	defer w.Close()
	require.NoError(t, w.Add(dir))
	require.NoError(t, probe(w, dir, 5*time.Second))
	_, err = os.Stat(filepath.Join(dir, probeName))
	assert.True(t, os.IsNotExist(err), "the probe file is removed")
}
