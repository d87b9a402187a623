// A table of touch schedules checked in synctest subtests, goleak over the whole package, and readers racing writers.
// want: pass
package session

import (
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestTouch(t *testing.T) {
	s := New()
	defer s.Close()

	s.Touch("alice")
	if !s.Active("alice") {
		t.Errorf("Active(alice) = false right after Touch, want true")
	}
	if s.Active("bob") {
		t.Errorf("Active(bob) = true, but bob never logged in")
	}
}

func TestReadersAndWriters(t *testing.T) {
	s := New()
	defer s.Close()
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 200 {
				s.Touch("shared")
			}
		})
		wg.Go(func() {
			for range 200 {
				s.Active("shared")
			}
		})
	}
	wg.Wait()
}

func TestSchedules(t *testing.T) {
	tests := []struct {
		name    string
		touches []time.Duration // when to Touch, from the start
		at      time.Duration   // when to ask
		want    bool
	}{
		{"fresh", []time.Duration{0}, time.Minute, true},
		{"just before TTL", []time.Duration{0}, TTL - time.Second, true},
		{"at TTL", []time.Duration{0}, TTL, false},
		{"off the sweep schedule", []time.Duration{5 * time.Minute}, 5*time.Minute + TTL, false},
		{"extended", []time.Duration{0, 25 * time.Minute}, 50 * time.Minute, true},
		{"extended, then expired", []time.Duration{0, 25 * time.Minute}, 25*time.Minute + TTL, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				s := New()
				defer s.Close()
				start := time.Now()
				for _, at := range tt.touches {
					time.Sleep(at - time.Since(start))
					s.Touch("alice")
				}
				time.Sleep(tt.at - time.Since(start))
				if got := s.Active("alice"); got != tt.want {
					t.Errorf("Active at %v = %v, want %v", tt.at, got, tt.want)
				}
			})
		})
	}
}
