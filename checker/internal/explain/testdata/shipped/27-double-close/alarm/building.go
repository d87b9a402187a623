// Do not edit: part of the lab's fixture.

package main

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/racelab/racelab/labs/27-double-close/site"
	"github.com/racelab/racelab/labs/internal/overlap"
)

// readSensor is slow on purpose: a sensor takes a while to sample the air.
// It reports whether sensor i, of sensors, smells smoke today (fires of
// them do).
func readSensor(seed, sensors, fires, i int) bool {
	overlap.Work()
	return site.Detects(seed, sensors, fires, i)
}

// building records what happened during the day, under its own lock, apart
// from anything the alarm does.
var building struct {
	mu      sync.Mutex
	sirens  int   // times the siren was started
	reports []int // the sensors that filed an incident report
	out     int   // occupants who walked out
}

// soundSiren starts the building's siren: the whole building hears it, so
// it must be started once. Under the lab's tests it waits for the other
// sensors that smelled smoke to catch up (overlap.Window) before it
// finishes: every sensor that raises the alarm meanwhile is raising it at
// the same time.
func soundSiren() {
	overlap.Window()
	building.mu.Lock()
	defer building.mu.Unlock()
	building.sirens++
}

// fileReport files sensor's incident report: every sensor that smelled
// smoke files one.
func fileReport(sensor int) {
	building.mu.Lock()
	defer building.mu.Unlock()
	building.reports = append(building.reports, sensor)
}

// walkOut takes an occupant out of the building.
func walkOut() {
	building.mu.Lock()
	defer building.mu.Unlock()
	building.out++
}

// dayLog returns how many times the siren was started, how many occupants
// walked out, and the sensors that filed a report, in order.
func dayLog() (sirens, out int, reports string) {
	building.mu.Lock()
	defer building.mu.Unlock()
	sorted := slices.Sorted(slices.Values(building.reports))
	var s []string
	for _, r := range sorted {
		s = append(s, fmt.Sprint(r))
	}
	if len(s) == 0 {
		return building.sirens, building.out, "none"
	}
	return building.sirens, building.out, strings.Join(s, ", ")
}
