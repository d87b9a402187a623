package gradebook

import (
	"math/rand/v2"
	"testing"
	"time"
)

// TestMeterSharesNeverExceedTheClock overlaps runs at random on a fake
// clock: each run's share is at most its own duration, and the shares add
// up to the time at least one run was in progress, never more.
func TestMeterSharesNeverExceedTheClock(t *testing.T) {
	clock := time.Unix(0, 0)
	m := &Meter{now: func() time.Time { return clock }}
	r := rand.New(rand.NewPCG(1, 2))
	type run struct {
		mark  Mark
		start time.Time
	}
	var open []run
	var total, busy time.Duration
	for step := 0; step < 10_000; step++ {
		d := time.Duration(r.IntN(1000)) * time.Microsecond
		if len(open) > 0 {
			busy += d
		}
		clock = clock.Add(d)
		if len(open) == 0 || (r.IntN(2) == 0 && len(open) < 8) {
			open = append(open, run{m.Start(), clock})
			continue
		}
		i := r.IntN(len(open))
		share := m.Stop(open[i].mark)
		if own := clock.Sub(open[i].start); share > own || share < 0 {
			t.Fatalf("a run of %v got a share of %v", own, share)
		}
		total += share
		open = append(open[:i], open[i+1:]...)
	}
	for _, o := range open {
		total += m.Stop(o.mark)
	}
	if total > busy {
		t.Errorf("shares add up to %v, more than the %v the runs were in progress", total, busy)
	}
	if busy-total > time.Millisecond {
		t.Errorf("shares add up to %v of %v busy: time went missing", total, busy)
	}
}

// TestMeterAlone: a run that never overlaps another gets its whole time.
func TestMeterAlone(t *testing.T) {
	clock := time.Unix(0, 0)
	m := &Meter{now: func() time.Time { return clock }}
	mark := m.Start()
	clock = clock.Add(5400 * time.Millisecond)
	if got := m.Stop(mark); got != 5400*time.Millisecond {
		t.Errorf("share %v, want the run's own 5.4s", got)
	}
}
