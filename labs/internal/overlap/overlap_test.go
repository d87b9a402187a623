package overlap

import (
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// configured returns a barrier as the environment would set it up.
func configured(t *testing.T, want, timeout string) *barrier {
	t.Setenv(EnvOverlap, want)
	t.Setenv(EnvTimeout, timeout)
	b := newBarrier()
	b.once.Do(b.configure)
	return b
}

func TestWorkReleasesWhenEnoughOverlap(t *testing.T) {
	b := configured(t, "4", "10s")
	var wg sync.WaitGroup
	start := time.Now()
	for range 4 {
		wg.Go(b.work)
	}
	wg.Wait()
	assert.Less(t, time.Since(start), 5*time.Second, "released by the fourth caller, not by the timeout")
	assert.NoError(t, b.check())
}

func TestWorkSerialisedFailsOnce(t *testing.T) {
	b := configured(t, "3", "50ms")
	start := time.Now()
	for range 3 {
		b.work() // one after another, as a program without `go` would
	}
	assert.Less(t, time.Since(start), 2*time.Second, "the timeout is paid once, not once per task")
	err := b.check()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "at most 1 of the 3 tasks")
}

func TestWorkWithoutDemandOnlyPretends(t *testing.T) {
	b := configured(t, "", "")
	b.work()
	assert.NoError(t, b.check())
}

func TestBadEnvironmentIsReported(t *testing.T) {
	assert.ErrorContains(t, configured(t, "many", "1s").check(), EnvOverlap)
	assert.ErrorContains(t, configured(t, "2", "soon").check(), EnvTimeout)
}

func TestWindowGathersCallers(t *testing.T) {
	t.Setenv(EnvWindow, "2")
	t.Setenv(EnvWindowWait, "10s")
	w := &window{}
	var wg sync.WaitGroup
	start := time.Now()
	wg.Go(w.enter)
	wg.Go(w.enter)
	wg.Wait()
	assert.Less(t, time.Since(start), 5*time.Second, "the second caller opens the window for both")
	assert.NoError(t, w.check())
}

func TestWindowAloneWaitsOutTheTimeoutWithoutFailing(t *testing.T) {
	t.Setenv(EnvWindow, "2")
	t.Setenv(EnvWindowWait, "30ms")
	w := &window{}
	start := time.Now()
	w.enter()
	w.enter() // the first gave up; the second waits afresh
	assert.GreaterOrEqual(t, time.Since(start), 60*time.Millisecond)
	assert.NoError(t, w.check())
}

func TestWindowNeverCalledIsReported(t *testing.T) {
	t.Setenv(EnvWindow, "2")
	w := &window{}
	err := w.check()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "put the call back")
}

func TestWindowNeverCalledIsFineWhenOptional(t *testing.T) {
	t.Setenv(EnvWindow, "2")
	t.Setenv(EnvWindowOptional, "1")
	assert.NoError(t, (&window{}).check())
}

func TestWindowOptionalRejectsOtherValues(t *testing.T) {
	t.Setenv(EnvWindow, "2")
	t.Setenv(EnvWindowOptional, "yes")
	err := (&window{}).check()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "want 1")
}
