package labvet_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/racelab/racelab/checker/labvet"
)

// writeModule makes a throwaway module holding one main package.
func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files["go.mod"] = "module example.com/lab\n\ngo 1.26\n"
	for name, src := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644))
	}
	return dir
}

// shipped is a lab's program as shipped: it already sleeps (the lab's own
// slow step) and already waits on a WaitGroup (its scaffolding).
const shipped = `package main

import (
	"sync"
	"time"
)

var balance int

func main() {
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			time.Sleep(time.Millisecond) // the slow step
			balance++
		})
	}
	wg.Wait()
}
`

func check(t *testing.T, student string) labvet.Report {
	t.Helper()
	dir := writeModule(t, map[string]string{"bank.go": shipped})
	r, err := labvet.Check(dir, nil, map[string][]byte{"bank.go": []byte(student)}, []string{"bank.go"})
	require.NoError(t, err)
	return r
}

// The shipped file's sleep and WaitGroup are the lab's, not the student's:
// a change that adds a mutex brings no finding, and one kind, mutex.
func TestChangeCountsOnlyTheStudentsChange(t *testing.T) {
	fixed := `package main

import (
	"sync"
	"time"
)

var (
	mu      sync.Mutex
	balance int
)

func main() {
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			time.Sleep(time.Millisecond) // the slow step
			mu.Lock()
			balance++
			mu.Unlock()
		})
	}
	wg.Wait()
}
`
	r := check(t, fixed)
	assert.Empty(t, r.Findings)
	assert.Equal(t, []string{"mutex"}, r.Kinds)
	assert.False(t, r.Refused())

	assert.Empty(t, check(t, shipped), "the shipped file brings nothing")
}

// A sleep the student adds is the student's; so is an atomic.
func TestChangeFindsWhatTheStudentAdded(t *testing.T) {
	slept := `package main

import (
	"sync"
	"sync/atomic"
	"time"
)

var balance atomic.Int64

func main() {
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			time.Sleep(time.Millisecond) // the slow step
			balance.Add(1)
		})
	}
	time.Sleep(time.Second)
	wg.Wait()
}
`
	r := check(t, slept)
	require.Len(t, r.Findings, 1)
	assert.Equal(t, "fakesync", r.Findings[0].Check)
	assert.Equal(t, 19, r.Findings[0].Line, "the added sleep, not the shipped one")
	assert.Equal(t, []string{"atomic"}, r.Kinds)
}

// A lab whose mutex is copied by value is fixed by sharing the mutex, not by
// locking anew: the Lock line stays as it was and now locks the caller's
// mutex through a pointer. That is a change of the mutex kind; a change that
// leaves every lock on its copy is of no kind.
func TestChangeSeesALockNoLongerCopied(t *testing.T) {
	copied := `package main

import "sync"

type stats struct {
	mu sync.Mutex
	n  map[int]int
}

func (s stats) record(code int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.n[code]++
}

func main() {
	s := stats{n: map[int]int{}}
	var wg sync.WaitGroup
	for code := range 4 {
		wg.Go(func() { s.record(code) })
	}
	wg.Wait()
}
`
	shared := strings.Replace(copied, "func (s stats)", "func (s *stats)", 1)
	commented := strings.Replace(copied, "func (s stats)", "// record counts one request.\nfunc (s stats)", 1)
	dir := writeModule(t, map[string]string{"stats.go": copied})
	for _, tt := range []struct {
		name, student string
		kinds         []string
	}{
		{"pointer receiver", shared, []string{"mutex"}},
		{"still a copy", commented, nil},
	} {
		r, err := labvet.Check(dir, nil, map[string][]byte{"stats.go": []byte(tt.student)}, []string{"stats.go"})
		require.NoError(t, err)
		assert.Equal(t, tt.kinds, r.Kinds, tt.name)
	}
}

// go vet's concurrency checks run too, on the student's files.
func TestGoVetConcurrencyChecks(t *testing.T) {
	mistakes := `package main

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

type account struct {
	mu      sync.Mutex
	balance int
}

func deposit(a account) { // copies the lock
	a.mu.Lock()
	a.balance++
	a.mu.Unlock()
}

var count int64

func main() {
	var wg sync.WaitGroup
	for range 4 {
		go func() {
			wg.Add(1)
			defer wg.Done()
			deposit(account{})
		}()
	}
	wg.Wait()
	ctx, _ := context.WithTimeout(context.Background(), time.Second)
	_ = ctx
	count = atomic.AddInt64(&count, 1)
	n := atomic.LoadInt64(&count)
	atomic.StoreInt64(&count, n+1)
	time.Sleep(time.Millisecond)
	var mu sync.Mutex
	mu.Lock()
	b := total
	mu.Unlock()
	mu.Lock()
	total = b + 1
	mu.Unlock()
	for atomic.LoadInt64(&count) < 8 { // spins
	}
}

var total int
`
	r := check(t, mistakes)
	checks := map[string]bool{}
	for _, f := range r.Findings {
		checks[f.Check] = true
	}
	for _, want := range []string{"copylocks", "waitgroup", "lostcancel", "atomic", "loadstore", "splitlock", "spin"} {
		assert.True(t, checks[want], "%s finds its mistake: %v", want, r.Findings)
	}
}

// What confine refuses is refused however it got there.
func TestRefusedEvenWhenShipped(t *testing.T) {
	exits := "package main\n\nimport \"os\"\n\nfunc main() { os.Exit(65) }\n"
	dir := writeModule(t, map[string]string{"bank.go": exits})
	r, err := labvet.Check(dir, nil, nil, []string{"bank.go"})
	require.NoError(t, err)
	assert.True(t, r.Refused())
}

// The checks see the file as the race build compiles it: a fake
// happens-before edge (runtime.RaceRelease/RaceAcquire, which exist only
// with -race, handed a pointer by reflect without importing unsafe) is
// refused, not a type error that skips the checks while the build passes.
func TestFakeSyncForTheRaceDetectorIsRefused(t *testing.T) {
	shipped := "package main\n\nfunc main() {}\n"
	fake := `package main

import (
	"reflect"
	"runtime"
)

var x int

func main() {
	p := reflect.ValueOf(&x).UnsafePointer()
	go func() { x = 1; runtime.RaceRelease(p) }()
	runtime.RaceAcquire(p)
	_ = x
}
`
	dir := writeModule(t, map[string]string{"bank.go": shipped})
	r, err := labvet.Check(dir, nil, map[string][]byte{"bank.go": []byte(fake)}, []string{"bank.go"})
	require.NoError(t, err)
	assert.True(t, r.Refused(), "%v", r.Findings)
	assert.Contains(t, fmt.Sprint(r.Findings), "runtime.RaceRelease is not allowed")
}

func TestCompileErrorIsAnError(t *testing.T) {
	dir := writeModule(t, map[string]string{"bank.go": "package main\n\nfunc main() {}\n"})
	_, err := labvet.Check(dir, nil, map[string][]byte{"bank.go": []byte("package main\n\nfunc main() { undefined() }\n")}, []string{"bank.go"})
	require.Error(t, err)
	assert.True(t, errors.Is(err, labvet.ErrCompile), err.Error())
}

// In a testing lab the student's file is a test: it is analysed with the
// package's tests loaded, may use the test framework and sleep (fake time in
// a synctest bubble), and is still refused what no lab file may do.
func TestStudentTest(t *testing.T) {
	counter := "package counter\n\nimport \"sync\"\n\ntype C struct {\n\tmu sync.Mutex\n\tn  int\n}\n\nfunc (c *C) Inc() { c.mu.Lock(); c.n++; c.mu.Unlock() }\n"
	shippedTest := "package counter\n\nimport \"testing\"\n\nfunc TestInc(t *testing.T) {\n\tvar c C\n\tc.Inc()\n}\n"
	dir := writeModule(t, map[string]string{"counter.go": counter, "counter_test.go": shippedTest})
	good := "package counter\n\nimport (\n\t\"sync\"\n\t\"testing\"\n\t\"testing/synctest\"\n\t\"time\"\n)\n\nfunc TestInc(t *testing.T) {\n\tsynctest.Test(t, func(t *testing.T) {\n\t\tvar c C\n\t\tvar wg sync.WaitGroup\n\t\tfor range 2 {\n\t\t\twg.Go(c.Inc)\n\t\t}\n\t\ttime.Sleep(time.Second)\n\t\twg.Wait()\n\t})\n}\n"
	r, err := labvet.Check(dir, nil, map[string][]byte{"counter_test.go": []byte(good)}, []string{"counter_test.go"})
	require.NoError(t, err)
	assert.Empty(t, r.Findings)
	assert.Equal(t, []string{"waitgroup"}, r.Kinds, "the test's own synchronisation is seen")

	exits := strings.Replace(shippedTest, "import \"testing\"", "import (\n\t\"os\"\n\t\"testing\"\n)", 1) + "\nfunc init() { os.Exit(0) }\n"
	r, err = labvet.Check(dir, nil, map[string][]byte{"counter_test.go": []byte(exits)}, []string{"counter_test.go"})
	require.NoError(t, err)
	assert.True(t, r.Refused(), "%v", r.Findings)
}

// A lab whose shipped program spins on purpose (lab 09's): the spin is the
// lab's while it stays as shipped, even with lines added above it; a spin
// the student writes instead is the student's.
func TestSpinOnlyWhenTheStudentsChange(t *testing.T) {
	spinning := `package main

import (
	"runtime"
	"sync"
	"sync/atomic"
)

var (
	ready bool
	flag  atomic.Bool
	mu    sync.Mutex
)

func main() {
	go func() { ready = true }()
	for !ready {
		runtime.Gosched()
	}
}
`
	dir := writeModule(t, map[string]string{"warmup.go": spinning})
	for _, tc := range []struct {
		name, old, new string
		spins          int
	}{
		{"shipped", "", "", 0},
		{"lines added above", "\tgo func", "\t_ = flag.Load()\n\tgo func", 0},
		{"an atomic flag", "for !ready {", "for !flag.Load() {", 1},
		{"a TryLock", "for !ready {", "for !mu.TryLock() {", 1},
		{"a channel", "\tfor !ready {\n\t\truntime.Gosched()\n\t}\n", "\t<-make(chan int)\n\t_ = runtime.NumCPU()\n", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			student := strings.Replace(spinning, tc.old, tc.new, 1)
			r, err := labvet.Check(dir, nil, map[string][]byte{"warmup.go": []byte(student)}, []string{"warmup.go"})
			require.NoError(t, err)
			spins := 0
			for _, f := range r.Findings {
				if f.Check == "spin" {
					spins++
				}
			}
			assert.Equal(t, tc.spins, spins, "%v", r.Findings)
		})
	}
}
