// Do not edit: part of the lab's fixture.

package main

import (
	"sync"
	"time"

	"github.com/racelab/racelab/labs/09-busy-wait/catalog"
	"github.com/racelab/racelab/labs/internal/overlap"
)

// listCheckTime is how long loadPrices still takes once every early request is
// waiting: far longer than a request would guess the list needs, so that a
// request that stops waiting on a timer of its own (a time.After beside the
// receive) reads the empty list in every run, not only in an unlucky one.
const listCheckTime = 300 * time.Millisecond

// backendState is what the two slow parts share. Its loaded is closed when
// loadPrices returns: the late requests arrive after it. A second call of
// loadPrices (a wrong fix may load twice) must not close it again. (One
// variable with an unlikely name: warmup.go shares the package, and a fix
// may well call a variable of its own loaded.)
var backendState = struct {
	loaded chan struct{}
	once   sync.Once
}{loaded: make(chan struct{})}

// loadPrices reads the price list from the database: it is slow, and the
// first requests arrive while it is still loading. Before it returns, it
// waits until every request has got as far as it can without the list (on
// a busy server the requests are always there first), and then it checks
// the list, which takes a while longer.
func loadPrices(seed int) []int {
	overlap.Work()
	list := make([]int, catalog.Items)
	for item := range list {
		list[item] = catalog.Price(seed, item)
	}
	overlap.Settle()
	time.Sleep(listCheckTime)
	backendState.once.Do(func() { close(backendState.loaded) })
	return list
}

// receiveRequest reads request i from the network: it is slow too. The
// request asks for the price of one item, which it returns.
//
// Every second request (i odd) arrives only after the list is loaded, and
// after the loader has announced it and everything has settled: a server
// keeps getting requests once it is warm. The announcement must still let
// them through, not only wake the requests that were already waiting.
func receiveRequest(seed, i int) int {
	overlap.Work()
	if i%2 == 1 {
		<-backendState.loaded
		overlap.Work()
		overlap.Settle()
	}
	return catalog.Item(seed, i)
}
