// Do not edit: part of the lab's fixture.

// Command thermo reads a thermometer that streams one reading after another
// and prints the average of the first k readings.
//
// Run it: go run ./labs/04-select/thermo -k 10 -seed 7
//
// Your work is in thermo.go.
package main

import (
	"flag"
	"fmt"
	"time"

	"github.com/racelab/racelab/labs/04-select/sensor"
	"github.com/racelab/racelab/labs/internal/overlap"
)

func run() {
	k := flag.Int("k", 10, "how many readings to average")
	seed := flag.Int("seed", 1, "which thermometer to read (each reads differently)")
	stall := flag.Duration("stall", 0, "how long main stops halfway through, before it takes the next reading (as if it saved the readings so far to a slow disk)")
	flag.Parse()

	readings := make(chan int)
	quit := make(chan struct{})
	go thermometer(*seed, readings, quit)

	sum := 0
	for i := range *k {
		if i == *k/2 {
			time.Sleep(*stall) // main is busy: the thermometer must wait for it
		}
		sum += <-readings
	}
	// Under the lab's tests, let the thermometer go as far as it can before
	// quit is closed, so the test sees the same thing every run.
	overlap.Settle()
	close(quit) // enough readings: tell the thermometer to stop

	fmt.Printf("average: %s (readings: %d)\n", tenths(sum, *k), *k)
}

// measure takes reading number i, in tenths of a degree Celsius. It is slow:
// think of a sensor on a slow bus.
func measure(seed, i int) int {
	overlap.Work()
	return sensor.Reading(seed, i)
}

// tenths formats the average of k readings given in tenths of a degree.
func tenths(sum, k int) string {
	if k <= 0 {
		return "no readings"
	}
	avg := (sum + k/2) / k
	return fmt.Sprintf("%d.%d C", avg/10, avg%10)
}
