// Do not edit: part of the lab's fixture.

package main

import (
	"github.com/racelab/racelab/labs/10-send-close/market"
	"github.com/racelab/racelab/labs/internal/overlap"
)

// askSupplier calls supplier s's server: it is slow. It returns the
// supplier's price in cents, and false when the supplier does not have the
// part in stock (and so gives no price).
func askSupplier(seed, s int) (cents int, inStock bool) {
	overlap.Work()
	return market.Quote(seed, s)
}
