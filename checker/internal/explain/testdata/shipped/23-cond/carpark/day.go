// Do not edit: part of the lab's fixture.

package main

import (
	"flag"
	"sync"

	"github.com/racelab/racelab/labs/internal/overlap"
)

// The car park's morning, as the fixture plays it: the cars' drive there,
// the opening time, and the shopping each car does while it is parked.
// Under the lab's tests these steps wait for the other cars (and for the
// attendant) to catch up, so that how the program lets cars in shows every
// run, not once in a while.

// lot is what the fixture saw of the parked cars. Its own lock keeps it
// apart from the car park's.
var lot struct {
	mu     sync.Mutex
	inside int           // cars shopping now
	most   int           // the most cars ever shopping at once
	parked int           // cars that parked at all
	round  chan struct{} // closed when the cars shopping now may leave; nil between rounds
}

// late is how many cars arrive only once the car park is open (cars 0, 1,
// ...): they find it busy, with cars parked and others waiting.
var late = flag.Int("late", 0, "how many of the cars arrive only after the car park has opened")

// opening is closed when it is time to open.
var opening = make(chan struct{})

// drive is a car's way to the car park: slow on purpose. Under the tests
// the cars set off together; the late ones arrive once the car park is open
// and the cars that could drive in have done so.
func drive(car int) {
	overlap.Work()
	if car < *late {
		<-opening
		overlap.Settle()
	}
}

// openingTime returns when it is time to open: under the tests, once every
// car but the late ones has reached the barrier and is waiting there (or
// cannot get any further by itself).
func openingTime() {
	overlap.Settle()
	close(opening)
}

// shop is what a car does while it is parked. Under the tests the cars
// shop in rounds: the first car of a round stays until every other car is
// either shopping too or waiting (it cannot get any further by itself), and
// then the whole round leaves. So the most cars parked at once is exactly
// how many the program lets in.
func shop(car int) {
	lot.mu.Lock()
	lot.inside++
	lot.parked++
	lot.most = max(lot.most, lot.inside)
	round, first := lot.round, lot.round == nil
	if first {
		round = make(chan struct{})
		lot.round = round
	}
	lot.mu.Unlock()

	if first {
		overlap.Settle()
		lot.mu.Lock()
		lot.round = nil
		lot.mu.Unlock()
		close(round)
	} else {
		<-round
	}

	lot.mu.Lock()
	lot.inside--
	lot.mu.Unlock()
}

// parkingLog returns how many cars parked, and the most that were ever
// parked at once.
func parkingLog() (parked, most int) {
	lot.mu.Lock()
	defer lot.mu.Unlock()
	return lot.parked, lot.most
}
