package gradebook

import (
	"sync"
	"time"
)

// Meter shares the grader's wall clock among the judge runs in progress:
// while N runs are in progress at once, each second counts 1/N to each. A
// lab's JUnit time is the sum of its runs' shares, so the times of a
// class's test cases add up to at most the time the grading took, however
// many runs overlapped: a CI system that sums them shows the real run, not
// a multiple of it. Start a run's share only once it has its slot, so that
// waiting for one never counts.
type Meter struct {
	mu      sync.Mutex
	now     func() time.Time // time.Now; a test's clock
	active  int
	last    time.Time
	virtual time.Duration // the share of one run that has been active all along
}

// Mark is a run's place on the meter's clock, taken when it starts.
type Mark time.Duration

// Start counts one more run in progress.
func (m *Meter) Start() Mark {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.advance()
	m.active++
	return Mark(m.virtual)
}

// Stop ends a run started at mark and returns its share of the clock.
func (m *Meter) Stop(mark Mark) time.Duration {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.advance()
	if m.active > 0 {
		m.active--
	}
	return m.virtual - time.Duration(mark)
}

// advance moves the shared clock to now: the time since the last change,
// divided among the runs that were in progress during it. Integer division
// rounds down, so the shares never add up to more than the time passed.
func (m *Meter) advance() {
	now := time.Now
	if m.now != nil {
		now = m.now
	}
	t := now()
	if m.active > 0 {
		m.virtual += t.Sub(m.last) / time.Duration(m.active)
	}
	m.last = t
}
