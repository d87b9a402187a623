package program

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/racelab/racelab/checker/protocol"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestSettings(t *testing.T) {
	s := readSettings(env(nil))
	assert.False(t, s.judged, "run by hand: no checks")
	assert.Equal(t, DefaultWatchdog, s.watchdog)

	s = readSettings(env(map[string]string{protocol.EnvJudged: "1", protocol.EnvWatchdog: "2s"}))
	assert.True(t, s.judged)
	assert.Equal(t, 2*time.Second, s.watchdog)
	assert.NoError(t, s.err)

	s = readSettings(env(map[string]string{protocol.EnvJudged: "1", protocol.EnvWatchdog: "soon"}))
	assert.ErrorContains(t, s.err, "RACELAB_WATCHDOG")

	s = readSettings(env(map[string]string{protocol.EnvJudged: "1", protocol.EnvMinGoroutines: "3", protocol.EnvMeasure: "1"}))
	assert.Equal(t, uint64(3), s.minGoroutines)
	assert.True(t, s.measure)
	s = readSettings(env(map[string]string{protocol.EnvJudged: "1", protocol.EnvMinGoroutines: "many"}))
	assert.ErrorContains(t, s.err, "RACELAB_MIN_GOROUTINES")
}

// A run that starts fewer goroutines than the lab demands lost a go
// statement: not concurrent.
func TestMinGoroutines(t *testing.T) {
	s := settings{judged: true, watchdog: time.Minute, minGoroutines: 3, cut: quiet}
	three := func() {
		done := make(chan bool)
		for range 3 {
			go func() { done <- true }()
		}
		for range 3 {
			<-done
		}
	}
	assert.Equal(t, protocol.ExitChecked, judged(s, nil, three))
	assert.Equal(t, protocol.ExitNotConcurrent, judged(s, nil, func() {
		done := make(chan bool)
		go func() { done <- true }()
		<-done
	}))
}

// quiet leaves the test's own output alone: nothing prints after run.
func quiet() (func(), func() int64) { return func() {}, func() int64 { return 0 } }

func TestJudgedExitCodes(t *testing.T) {
	s := settings{judged: true, watchdog: time.Minute, cut: quiet}
	assert.Equal(t, protocol.ExitChecked, judged(s, nil, func() {}))

	block := make(chan struct{})
	defer close(block)
	assert.Equal(t, protocol.ExitLeak, judged(s, nil, func() { go func() { <-block }() }))

	late := settings{judged: true, watchdog: time.Minute, cut: func() (func(), func() int64) { return func() {}, func() int64 { return 12 } }}
	assert.Equal(t, protocol.ExitUnwaited, judged(late, nil, func() {}), "output after run returned")

	s.err = assert.AnError
	assert.Equal(t, protocol.ExitBadSetting, judged(s, nil, func() { t.Error("run must not be called with a bad setting") }))
}

func TestMainByHandJustRuns(t *testing.T) {
	ran := false
	Main(func() { ran = true }) // the test process is not judged
	assert.True(t, ran)
}
