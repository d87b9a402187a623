package overlap

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/racelab/racelab/checker/protocol"
)

// configured returns a barrier as the environment would set it up.
func configured(t *testing.T, want, timeout string) *barrier {
	t.Setenv(protocol.EnvOverlap, want)
	t.Setenv(protocol.EnvOverlapTimeout, timeout)
	b := newBarrier()
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

func TestWorkOverlapAfterGivingUpDoesNotPanic(t *testing.T) {
	b := configured(t, "2", "50ms")
	b.work() // alone: the barrier gives up for everyone
	b.mu.Lock()
	b.inside++ // another task inside, as a later group would be
	b.mu.Unlock()
	assert.NotPanics(t, b.work, "the demand reached after the give-up closes nothing twice")
	assert.NoError(t, b.check(), "the overlap was reached, if late")
}

func TestWorkWithoutDemandOnlyPretends(t *testing.T) {
	b := configured(t, "", "")
	b.work()
	assert.NoError(t, b.check())
}

func TestBadEnvironmentIsReported(t *testing.T) {
	assert.ErrorContains(t, configured(t, "many", "1s").check(), protocol.EnvOverlap)
	assert.ErrorContains(t, configured(t, "2", "soon").check(), protocol.EnvOverlapTimeout)
}

func TestWindowGathersCallers(t *testing.T) {
	t.Setenv(protocol.EnvWindow, "2")
	t.Setenv(protocol.EnvWindowWait, "10s")
	w := newWindow()
	var wg sync.WaitGroup
	start := time.Now()
	wg.Go(w.enter)
	wg.Go(w.enter)
	wg.Wait()
	assert.Less(t, time.Since(start), 5*time.Second, "the second caller opens the window for both")
	assert.NoError(t, w.check())
}

// Alone, with every other goroutine parked, a caller goes on at once: no
// one else can come, so waiting longer would only make a correct program
// slow (and a program serialised by one lock look deadlocked).
func TestWindowAloneGoesOnAtOnce(t *testing.T) {
	t.Setenv(protocol.EnvWindow, "2")
	t.Setenv(protocol.EnvWindowWait, "10s")
	w := newWindow()
	start := time.Now()
	w.enter()
	w.enter()
	assert.Less(t, time.Since(start), 2*time.Second)
	assert.NoError(t, w.check())
}

// While another goroutine is still busy, a caller waits for it (it may be
// on its way), up to the window's wait.
func TestWindowWaitsWhileOthersRun(t *testing.T) {
	t.Setenv(protocol.EnvWindow, "2")
	t.Setenv(protocol.EnvWindowWait, "50ms")
	stop := spin(t)
	defer stop()
	w := newWindow()
	start := time.Now()
	w.enter()
	assert.GreaterOrEqual(t, time.Since(start), 50*time.Millisecond)
}

// A caller held up on its way in (descheduled on a loaded machine, say)
// before it is counted is still coming: the callers already waiting must
// not take the group for complete without it and go on.
func TestWindowWaitsForACallerOnItsWay(t *testing.T) {
	t.Setenv(protocol.EnvWindow, "2")
	t.Setenv(protocol.EnvWindowWait, "10s")
	w := newWindow()
	var held atomic.Bool
	onItsWay := make(chan struct{})
	w.arriving = func() {
		if !held.CompareAndSwap(false, true) {
			return // the second caller comes straight in
		}
		close(onItsWay)
		// Running, not parked, for many polls of the caller already in.
		for deadline := time.Now().Add(50 * parkedPoll); time.Now().Before(deadline); {
		}
	}
	var wg sync.WaitGroup
	wg.Go(w.enter)
	<-onItsWay
	wg.Go(w.enter)
	wg.Wait()
	_, most := w.counts()
	assert.Equal(t, 2, most, "the caller already in went on without the one on its way")
}

// One lock around the whole gap: correct, fast, and another kind of fix
// when the script asks for callers in the gap together.
func TestWindowSerialisedIsAnotherKind(t *testing.T) {
	t.Setenv(protocol.EnvWindow, "4")
	t.Setenv(protocol.EnvWindowMin, "2")
	t.Setenv(protocol.EnvWindowWait, "10s")
	w := newWindow()
	var mu sync.Mutex
	var wg sync.WaitGroup
	start := time.Now()
	for range 4 {
		wg.Go(func() {
			mu.Lock()
			defer mu.Unlock()
			w.enter()
		})
	}
	wg.Wait()
	assert.Less(t, time.Since(start), 5*time.Second, "serialised callers must not wait out the window")
	_, most := w.counts()
	assert.Equal(t, 1, most)

	w = newWindow()
	for range 4 {
		wg.Go(w.enter)
	}
	wg.Wait()
	_, most = w.counts()
	assert.GreaterOrEqual(t, most, 2, "unlocked callers gather")
}

func TestReadersTogetherOrAnotherKind(t *testing.T) {
	t.Setenv(protocol.EnvReaders, "3")
	t.Setenv(protocol.EnvWindowWait, "10s")
	r := newReaders()
	var rw sync.RWMutex
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			rw.RLock()
			defer rw.RUnlock()
			r.enter()
		})
	}
	wg.Wait()
	_, most := r.counts()
	assert.Equal(t, 3, most, "RLock lets the readers in together")

	r = newReaders()
	for range 3 {
		wg.Go(func() {
			rw.Lock()
			defer rw.Unlock()
			r.enter()
		})
	}
	wg.Wait()
	_, most = r.counts()
	assert.Equal(t, 1, most, "Lock lets one reader in at a time")
	assert.ErrorContains(t, func() error { t.Setenv(protocol.EnvReaders, "x"); return newReaders().err }(), protocol.EnvReaders)
}

func TestWindowNeverCalledIsReported(t *testing.T) {
	t.Setenv(protocol.EnvWindow, "2")
	w := newWindow()
	err := w.check()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "keep every call of the shipped program to its fixture functions")
	assert.NotContains(t, err.Error(), "overlap", "the student never sees racelab's machinery: it lives in fixtures")
}

func TestWindowNeverCalledIsFineWhenOptional(t *testing.T) {
	t.Setenv(protocol.EnvWindow, "2")
	t.Setenv(protocol.EnvWindowOptional, "1")
	assert.NoError(t, newWindow().check())
}

func TestWindowOptionalRejectsOtherValues(t *testing.T) {
	t.Setenv(protocol.EnvWindow, "2")
	t.Setenv(protocol.EnvWindowOptional, "yes")
	err := newWindow().check()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "want 1")
}

// The settings are read once, while the package is initialised: a lab
// program's code runs later and cannot weaken them by changing the
// environment (os.Setenv in an init).
func TestSettingsAreFixedBeforeTheProgramRuns(t *testing.T) {
	t.Setenv(protocol.EnvOverlap, "1000")
	t.Setenv(protocol.EnvWindow, "1000")
	t.Setenv(protocol.EnvSettle, "nonsense")
	assert.NoError(t, Err())
	assert.NoError(t, Check(), "the barrier keeps the setting the process started with")
	assert.NoError(t, CheckWindow())
}

// Under RACELAB_LATE=1 the late answer comes only once run has returned;
// run by hand it only takes its time.
func TestLate(t *testing.T) {
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == protocol.EnvLate {
				return v
			}
			return ""
		}
	}
	byHand := newLateFrom(env(""))
	start := time.Now()
	byHand.wait(30 * time.Millisecond)
	assert.GreaterOrEqual(t, time.Since(start), 30*time.Millisecond)

	judged := newLateFrom(env("1"))
	answered := make(chan struct{})
	go func() {
		judged.wait(time.Millisecond)
		close(answered)
	}()
	select {
	case <-answered:
		t.Fatal("the late answer came before run returned")
	case <-time.After(100 * time.Millisecond):
	}
	judged.release()
	judged.release() // once is enough; twice does not crash
	<-answered

	assert.ErrorContains(t, newLateFrom(env("yes")).err, "RACELAB_LATE")
}

// A write that waits for a reader lands while a reader reads: a reader
// still running towards Reader holds the writer back until it comes.
func TestWriterWaitsForAReader(t *testing.T) {
	t.Setenv(protocol.EnvReadFirst, "1")
	t.Setenv(protocol.EnvWindowWait, "10s")
	r := newReaders()
	var comeNow atomic.Bool
	reader := make(chan struct{})
	go func() {
		defer close(reader)
		for !comeNow.Load() { // running, not parked: a reader on its way
		}
		r.arrive()
	}()
	wrote := make(chan struct{})
	go func() {
		defer close(wrote)
		r.writer()
	}()
	select {
	case <-wrote:
		t.Fatal("the writer went on before any reader came")
	case <-time.After(100 * time.Millisecond):
	}
	comeNow.Store(true)
	<-reader
	select {
	case <-wrote:
	case <-time.After(5 * time.Second):
		t.Fatal("the writer still waits after a reader came")
	}
}

// With no reader that can still come (none at all, or every one blocked
// on the lock the writer's side holds), the writer goes on at once.
func TestWriterGoesOnWhenNoReaderCanCome(t *testing.T) {
	t.Setenv(protocol.EnvReadFirst, "1")
	t.Setenv(protocol.EnvWindowWait, "10s")
	r := newReaders()
	var rw sync.RWMutex
	rw.Lock()
	blocked := make(chan struct{})
	go func() {
		defer close(blocked)
		rw.RLock() // parked until the writer is done
		defer rw.RUnlock()
		r.arrive()
	}()
	start := time.Now()
	r.writer()
	assert.Less(t, time.Since(start), 5*time.Second, "the writer waited out its wait for a reader that could not come")
	rw.Unlock()
	<-blocked
}

func TestWriterOnlyWaitsWhenAsked(t *testing.T) {
	r := newReaders()
	r.writer() // no reader will ever come: returns at once, or the test times out
	t.Setenv(protocol.EnvReadFirst, "yes")
	assert.ErrorContains(t, newReaders().err, "want 1")
}
