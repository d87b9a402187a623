// Do not edit: part of the lab's fixture.

package main

// The lab's static checks reject these calls in a student's file, because
// they hide a race rather than fix it (a sleep makes it rarer, an exit ends
// the program before the lab's checks run). This program makes them for
// reasons of its own, so it calls these helpers instead. Do not use them to
// fix the race: the lab's tests still catch it.

import (
	"time"
)

// sleep stands in for time.Sleep.
func sleep(d time.Duration) { time.Sleep(d) }
