// Do not edit: part of the lab's fixture.

package main

import (
	"time"

	"github.com/racelab/racelab/labs/10-send-close/market"
	"github.com/racelab/racelab/labs/internal/overlap"
)

// askSupplier calls supplier s's server: it is slow. It returns the
// supplier's price in cents, and false when the supplier does not have the
// part in stock (and so gives no price).
//
// The first supplier with the part in stock is slower than the rest: it
// answers after lateAnswer, later than a closer that guesses half a second.
// A guess is then wrong on every run, not only on a busy machine, and the
// race detector sees the late send beside the close (an access long past
// can drop out of its memory).
func askSupplier(seed, s int) (cents int, inStock bool) {
	overlap.Work()
	cents, inStock = market.Quote(seed, s)
	if inStock && firstInStock(seed, s) {
		time.Sleep(lateAnswer)
	}
	return cents, inStock
}

const lateAnswer = 700 * time.Millisecond

// firstInStock reports whether no supplier before s has the part.
func firstInStock(seed, s int) bool {
	for earlier := range s {
		if _, ok := market.Quote(seed, earlier); ok {
			return false
		}
	}
	return true
}
