// Do not edit: part of the lab's fixture.

package main

import (
	"fmt"
	"sync"

	"github.com/racelab/racelab/labs/11-wg-add/catalog"
	"github.com/racelab/racelab/labs/internal/overlap"
)

// quote asks the shop's price service what item costs. It is slow: think of
// a request over the network. The service answers many requests at the
// same time.
func quote(item string) int {
	overlap.Work()
	firstAnswer.Do(overlap.Settle)
	return catalog.Price(item)
}

// firstAnswer holds back the service's first answer, and so every answer,
// until the rest of the program has gone as far as it can go without one:
// under the lab's tests a till that does not really wait for the prices
// shows it every run, not once in a while.
var firstAnswer sync.Once

// rupiah formats an amount of rupiah the Indonesian way: Rp12.500.
func rupiah(amount int) string {
	s := fmt.Sprint(amount)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return "Rp" + s
}
