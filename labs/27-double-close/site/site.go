// Do not edit: part of the lab's fixture.

// Package site is the building command alarm watches over: which of its
// smoke sensors smell smoke today. The program and the lab's tests both
// take it from here, so the tests know what the program must report
// without trusting it.
package site

import "math/rand/v2"

// Smoky returns the sensors, of sensors numbered 0 to sensors-1, that
// smell smoke: fires of them (at least 1, at most sensors), in increasing
// order. The same seed, sensors and fires always give the same sensors.
func Smoky(seed, sensors, fires int) []int {
	fires = max(1, min(fires, sensors))
	r := rand.New(rand.NewPCG(uint64(seed), uint64(sensors)))
	picked := r.Perm(sensors)[:fires]
	smoky := make([]int, 0, fires)
	for i := range sensors {
		for _, p := range picked {
			if p == i {
				smoky = append(smoky, i)
			}
		}
	}
	return smoky
}

// Detects reports whether sensor i is one of Smoky(seed, sensors, fires).
func Detects(seed, sensors, fires, i int) bool {
	for _, s := range Smoky(seed, sensors, fires) {
		if s == i {
			return true
		}
	}
	return false
}
