// Skips the alarm when another sensor holds the lock: that only keeps out raises at the same moment, and a later one closes the channel again.
// want: wrong-fix, crash
// Command alarm watches over a building with smoke sensors, one goroutine
// per sensor and one per occupant. A sensor that smells smoke raises the
// fire alarm, then files an incident report; when the alarm is raised,
// every occupant walks out.
//
// Run it: go run ./labs/27-double-close/alarm -sensors 8 -occupants 5 -fires 2 -seed 1
package main

import (
	"flag"
	"fmt"
	"sync"
)

// alarm is the building's fire alarm. Raising it closes evacuate: every
// occupant waits for that, then walks out.
type alarm struct {
	evacuate chan struct{}
	mu       sync.Mutex
}

// raise sounds the siren and tells every occupant to leave.
//
// TODO: when two sensors smell smoke, both raise the alarm, and the second
// close of evacuate panics: "close of closed channel". A panic in any
// goroutine ends the whole program, occupants and all. Make the alarm go
// off once, however many sensors raise it at the same time: the siren
// sounds once, evacuate is closed once, and every sensor that smelled
// smoke still files its report.
func (a *alarm) raise() {
	if !a.mu.TryLock() {
		return // someone is raising it right now
	}
	defer a.mu.Unlock()
	soundSiren()
	close(a.evacuate)
}

func run() {
	sensors := flag.Int("sensors", 8, "how many smoke sensors the building has")
	occupants := flag.Int("occupants", 5, "how many people are in the building")
	fires := flag.Int("fires", 2, "how many sensors smell smoke")
	seed := flag.Int("seed", 1, "seed for which sensors smell smoke")
	flag.Parse()

	a := &alarm{evacuate: make(chan struct{})}

	var people sync.WaitGroup
	for range *occupants {
		people.Add(1)
		go func() { // one occupant
			defer people.Done()
			<-a.evacuate
			walkOut()
		}()
	}

	var watch sync.WaitGroup
	for i := range *sensors {
		watch.Add(1)
		go func() { // one sensor
			defer watch.Done()
			if readSensor(*seed, *sensors, *fires, i) {
				a.raise()     // people first,
				fileReport(i) // paperwork second
			}
		}()
	}
	watch.Wait()
	people.Wait()

	sirens, out, reports := dayLog()
	fmt.Printf("%d sensors, %d occupants\n", *sensors, *occupants)
	fmt.Printf("siren sounded: %d time(s)\n", sirens)
	fmt.Printf("occupants out: %d of %d\n", out, *occupants)
	fmt.Printf("reports from sensors: %s\n", reports)
}
