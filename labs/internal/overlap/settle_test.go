package overlap

import (
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/racelab/racelab/checker/protocol"
)

func TestGoroutineState(t *testing.T) {
	for _, tc := range []struct {
		line  string
		state string
		ok    bool
	}{
		{"goroutine 1 [running]:\n", "running", true},
		{"goroutine 7 [chan send, 2 minutes]:\n", "chan send", true},
		{"goroutine 12 [runnable, locked to thread]:\n", "runnable", true},
		{"goroutine 3 [select]:\n", "select", true},
		{"main.thermometer(0x1, 0xc000012345)\n", "", false},
		{"\t/src/thermo.go:40 +0x1d\n", "", false},
	} {
		state, ok := goroutineState([]byte(tc.line))
		assert.Equal(t, tc.ok, ok, tc.line)
		assert.Equal(t, tc.state, state, tc.line)
	}
}

func TestOthersParked(t *testing.T) {
	const caller = "goroutine 1 [running]:\nmain.main()\n\n"
	assert.True(t, othersParked([]byte(caller+"goroutine 5 [chan send]:\nmain.f()\n")))
	assert.True(t, othersParked([]byte(caller)))
	assert.False(t, othersParked([]byte(caller+"goroutine 5 [select]:\n\ngoroutine 6 [runnable]:\n")))
	assert.False(t, othersParked([]byte(caller+"goroutine 6 [running]:\n")))
	// Another goroutine waiting in a Settle of its own waits, it does not spin.
	other := "goroutine 7 [runnable]:\nruntime.Stack(...)\ngithub.com/racelab/racelab/labs/internal/overlap.settle.wait()\nmain.heartbeat()\n"
	assert.True(t, othersParked([]byte(caller+other)))
	spinner := "goroutine 8 [runnable]:\nmain.poll()\n\tlabs/x/main.go:12\n"
	assert.False(t, othersParked([]byte(caller+other+"\n"+spinner)))
	assert.Equal(t, spinner, firstRunning([]byte(caller+other+"\n"+spinner)), "the spinner is reported, not the other Settle")
}

// A goroutine the runtime has paused, or that is in a system call, moves
// again by itself: it is not parked, whatever it is about to do.
func TestOthersParkedOnlyWhenBlocked(t *testing.T) {
	const caller = "goroutine 1 [running]:\nmain.main()\n\n"
	for _, state := range []string{"GC assist wait", "preempted", "copystack", "syscall", "runnable", "running", "wait for GC cycle"} {
		assert.False(t, othersParked([]byte(caller+"goroutine 5 ["+state+"]:\nmain.f()\n")), state)
	}
	for _, state := range []string{"chan receive", "select", "sync.Mutex.Lock", "sync.WaitGroup.Wait", "sleep", "semacquire", "chan send, 2 minutes"} {
		assert.True(t, othersParked([]byte(caller+"goroutine 5 ["+state+"]:\nmain.f()\n")), state)
	}
	signals := "goroutine 5 [syscall]:\nos/signal.signal_recv()\n\truntime/sigqueue.go:152\nos/signal.loop()\n"
	assert.True(t, othersParked([]byte(caller+signals)), "os/signal waits for a signal that may never come")
}

// A caller of a gathering that is counted and waiting brings no one; one
// still on its way in (in enter, before it is counted) does.
func TestOthersParkedWaitsForACallerOnItsWay(t *testing.T) {
	const caller = "goroutine 1 [running]:\nmain.main()\n\n"
	const pkg = "github.com/racelab/racelab/labs/internal/overlap."
	counted := "goroutine 5 [running]:\n" + pkg + "(*gathering).await(...)\n" + pkg + "(*gathering).enter(...)\n"
	arriving := "goroutine 6 [runnable]:\n" + pkg + "(*gathering).enter(...)\nmain.render()\n"
	assert.True(t, othersParked([]byte(caller+counted)))
	assert.False(t, othersParked([]byte(caller+counted+"\n"+arriving)))
}

func TestSettleIsOffWithoutTheVariable(t *testing.T) {
	stop := spin(t)
	defer stop()
	start := time.Now()
	newSettle().wait()
	assert.Less(t, time.Since(start), 50*time.Millisecond)
}

func TestSettleReturnsOnceTheOthersBlock(t *testing.T) {
	t.Setenv(protocol.EnvSettle, "10s")
	ch := make(chan int)
	var sent atomic.Bool
	go func() {
		for i := 0; i < 1e6; i++ { // some work first, so Settle must wait for it
			_ = i * i
		}
		sent.Store(true)
		ch <- 1
	}()
	start := time.Now()
	s := newSettle()
	s.wait()
	assert.True(t, sent.Load(), "Settle returned while the goroutine was still working")
	assert.Less(t, time.Since(start), 5*time.Second)
	assert.Empty(t, s.report(), "a goroutine that blocked is no busy wait")
	<-ch
}

func TestSettleGivesUpOnABusyGoroutine(t *testing.T) {
	t.Setenv(protocol.EnvSettle, "50ms")
	stop := spin(t)
	defer stop()
	start := time.Now()
	s := newSettle()
	s.wait()
	assert.GreaterOrEqual(t, time.Since(start), 50*time.Millisecond)
	why := s.report()
	assert.Contains(t, why, "it spins")
	assert.Contains(t, why, "overlap.spin", "the report shows where the spinning goroutine is")
}

// spin starts a goroutine that never parks until stop is called.
func spin(t *testing.T) (stop func()) {
	t.Helper()
	var done atomic.Bool
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		for !done.Load() {
		}
	}()
	return func() { done.Store(true); <-finished }
}
