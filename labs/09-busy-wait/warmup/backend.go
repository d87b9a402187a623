// Do not edit: part of the lab's fixture.

package main

import (
	"github.com/racelab/racelab/labs/09-busy-wait/catalog"
	"github.com/racelab/racelab/labs/internal/overlap"
)

// loadPrices reads the price list from the database: it is slow, and the
// first requests arrive while it is still loading. Before it returns, it
// waits until every request has got as far as it can without the list (on
// a busy server the requests are always there first).
func loadPrices(seed int) []int {
	overlap.Work()
	list := make([]int, catalog.Items)
	for item := range list {
		list[item] = catalog.Price(seed, item)
	}
	overlap.Settle()
	return list
}

// receiveRequest reads request i from the network: it is slow too. The
// request asks for the price of one item, which it returns.
func receiveRequest(seed, i int) int {
	overlap.Work()
	return catalog.Item(seed, i)
}
