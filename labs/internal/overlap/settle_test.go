package overlap

import (
	"bytes"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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
	assert.True(t, othersParked([]byte(caller+"goroutine 5 [chan send]:\nmain.f()\n"), bringsNoOne))
	assert.True(t, othersParked([]byte(caller), bringsNoOne))
	assert.False(t, othersParked([]byte(caller+"goroutine 5 [select]:\n\ngoroutine 6 [runnable]:\n"), bringsNoOne))
	assert.False(t, othersParked([]byte(caller+"goroutine 6 [running]:\n"), bringsNoOne))
	// Another goroutine waiting in a Settle of its own waits, it does not spin.
	other := "goroutine 7 [runnable]:\nruntime.Stack(...)\ngithub.com/racelab/racelab/labs/internal/overlap.settle.wait()\nmain.heartbeat()\n"
	assert.True(t, othersParked([]byte(caller+other), bringsNoOne))
	spinner := "goroutine 8 [runnable]:\nmain.poll()\n\tlabs/x/main.go:12\n"
	assert.False(t, othersParked([]byte(caller+other+"\n"+spinner), bringsNoOne))
	assert.Equal(t, spinner, firstRunning([]byte(caller+other+"\n"+spinner)), "the spinner is reported, not the other Settle")
}

// A goroutine the runtime has paused, or that is in a system call, moves
// again by itself: it is not parked, whatever it is about to do.
func TestOthersParkedOnlyWhenBlocked(t *testing.T) {
	const caller = "goroutine 1 [running]:\nmain.main()\n\n"
	for _, state := range []string{"GC assist wait", "preempted", "copystack", "syscall", "runnable", "running", "wait for GC cycle"} {
		assert.False(t, othersParked([]byte(caller+"goroutine 5 ["+state+"]:\nmain.f()\n"), bringsNoOne), state)
	}
	for _, state := range []string{"chan receive", "select", "sync.Mutex.Lock", "sync.WaitGroup.Wait", "sleep", "semacquire", "chan send, 2 minutes"} {
		assert.True(t, othersParked([]byte(caller+"goroutine 5 ["+state+"]:\nmain.f()\n"), bringsNoOne), state)
	}
	signals := "goroutine 5 [syscall]:\nos/signal.signal_recv()\n\truntime/sigqueue.go:152\nos/signal.loop()\n"
	assert.True(t, othersParked([]byte(caller+signals), bringsNoOne), "os/signal waits for a signal that may never come")
}

// A caller of a gathering that is counted and waiting brings no one; one
// still on its way in (in enter, before it is counted) does.
func TestOthersParkedWaitsForACallerOnItsWay(t *testing.T) {
	const caller = "goroutine 1 [running]:\nmain.main()\n\n"
	const pkg = "github.com/racelab/racelab/labs/internal/overlap."
	counted := "goroutine 5 [running]:\n" + pkg + "(*gathering).await(...)\n" + pkg + "(*gathering).enter(...)\n"
	arriving := "goroutine 6 [runnable]:\n" + pkg + "(*gathering).enter(...)\nmain.render()\n"
	assert.True(t, othersParked([]byte(caller+counted), bringsNoOne))
	assert.False(t, othersParked([]byte(caller+counted+"\n"+arriving), bringsNoOne))
}

// For a Settle, a caller waiting in a gathering is not settled: it leaves
// by itself and goes on. Another Settle, and a goroutine reading a dump
// aside, are.
func TestSettledWaitsForACallerInAGathering(t *testing.T) {
	const caller = "goroutine 1 [running]:\nmain.main()\n\n"
	const pkg = "github.com/racelab/racelab/labs/internal/overlap."
	counted := "goroutine 5 [select]:\n" + pkg + "(*gathering).await(...)\n" + pkg + "(*gathering).enter(...)\n"
	assert.False(t, othersParked([]byte(caller+counted), settled))
	settle := "goroutine 7 [chan receive]:\ngithub.com/racelab/racelab/labs/internal/unseen.Do[...]()\n" + pkg + "settle.wait()\n"
	aside := "goroutine 9 [runnable]:\ngithub.com/racelab/racelab/labs/internal/unseen.aside[...]()\n"
	assert.True(t, othersParked([]byte(caller+settle+"\n"+aside), settled))
	assert.True(t, othersParked([]byte(caller+settle+"\n"+aside), bringsNoOne))
	assert.Empty(t, firstRunning([]byte(caller+aside)), "a goroutine reading a dump aside does not spin")
}

// A Settle returns only once a caller waiting in a gathering that cannot
// fill has left it and gone as far as it can: here, to its blocking
// receive. Taken for settled, it was still on its way, and a lab's fixture
// acted too early (lab 20's breakdown with fewer requests stranded).
func TestSettleWaitsForAGatheringToLetGo(t *testing.T) {
	t.Setenv(protocol.EnvSettle, "10s")
	g := newGathering(2, 10*time.Second) // only one caller comes
	var left atomic.Bool
	block := make(chan struct{})
	defer close(block)
	go func() {
		g.enter()
		left.Store(true)
		<-block
	}()
	for entered, _ := g.counts(); entered == 0; entered, _ = g.counts() {
		time.Sleep(time.Millisecond)
	}
	s := newSettle()
	s.wait()
	assert.True(t, left.Load(), "Settle returned while the caller still waited in the gathering")
	assert.Empty(t, s.report())
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

// A goroutine waiting for the mutex of one of racelab's own counts (a
// gathering's, the barrier's) is on its way, not parked: callers in a
// window must not go on without it. One waiting for the program's mutex,
// in or out of a fixture, is parked.
func TestBookkeepingIsNotParked(t *testing.T) {
	const caller = "goroutine 1 [running]:\nmain.main()\n\n"
	const pkg = "github.com/racelab/racelab/labs/internal/overlap."
	for _, tc := range []struct {
		name, block string
		parked      bool
	}{
		{"entering a window", "goroutine 5 [sync.Mutex.Lock]:\nsync.(*Mutex).Lock(...)\n" + pkg + "(*gathering).enter(...)\n" + pkg + "Window(...)\nmain.(*accountLock).Lock()\n", false},
		{"leaving the barrier", "goroutine 5 [sync.Mutex.Lock]:\nsync.(*Mutex).Lock(...)\n" + pkg + "(*barrier).work(...)\n" + pkg + "Work(...)\nmain.approve()\n", false},
		{"waiting at the barrier", "goroutine 5 [select]:\n" + pkg + "(*barrier).work(...)\n" + pkg + "Work(...)\nmain.approve()\n", true},
		{"the program's lock", "goroutine 5 [sync.Mutex.Lock]:\nsync.(*Mutex).Lock(...)\nmain.(*accountLock).Lock()\nmain.transfer()\n", true},
	} {
		assert.Equal(t, tc.parked, othersParked([]byte(caller+tc.block), bringsNoOne), tc.name)
		assert.Equal(t, tc.parked, othersParked([]byte(caller+tc.block), settled), tc.name)
	}
}

// The same, live: a caller held on a gathering's mutex is not parked.
func TestACallerHeldOnTheCountIsOnItsWay(t *testing.T) {
	g := newGathering(2, 10*time.Second)
	g.mu.Lock()
	done := make(chan struct{})
	go func() {
		defer close(done)
		g.enter()
	}()
	// Wait until it is held on the mutex, then look at it as a window would.
	deadline := time.Now().Add(5 * time.Second)
	for !bytes.Contains(dumpAll(), []byte("[sync.Mutex.Lock")) {
		require.True(t, time.Now().Before(deadline), "the caller never reached the mutex")
		time.Sleep(time.Millisecond)
	}
	assert.False(t, othersAllParked(bringsNoOne), "a caller on its way in was taken for parked")
	g.mu.Unlock()
	<-done // alone, it sees everyone else parked and goes on
}
