// Do not edit: part of the lab's fixture.

package main

import (
	"fmt"

	"github.com/racelab/racelab/labs/11-wg-add/catalog"
	"github.com/racelab/racelab/labs/internal/overlap"
)

// quote asks the shop's price service what item costs. It is slow: think of
// a request over the network. The service answers many requests at the
// same time.
func quote(item string) int {
	overlap.Work()
	// Under the lab's tests, the service answers only once everyone else
	// has gone as far as they can go without the answer, so a program that
	// does not really wait for the answers shows it every run.
	overlap.Settle()
	return catalog.Price(item)
}

// rupiah formats an amount of rupiah the Indonesian way: Rp12.500.
func rupiah(amount int) string {
	s := fmt.Sprint(amount)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return "Rp" + s
}
