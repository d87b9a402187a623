// A raft node restores its state from a snapshot, starts answering
// /status requests, and goes on applying its log. status and apply share
// the node's fields.
package main

import (
	"fmt"
	"iter"
	"sync"
)

type node struct {
	mu      sync.Mutex
	term    uint64
	applied uint64
}

// apply applies committed entries in order.
func (n *node) apply(entries iter.Seq[entry]) {
	// TODO: fix the concurrency bug here.
	for e := range entries {
		n.term = e.term
		n.applied = e.index
	}
}

// status is what a /status request reports.
func (n *node) status() (term, applied uint64) {
	// TODO: fix the concurrency bug here.
	return n.term, n.applied
}

func run() {
	n := &node{}
	snapshot, log := entries(1, 20), entries(21, 50)
	ready := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		n.apply(snapshot)
		close(ready) // restored: status requests may come in
		n.apply(log)
	}()
	seen := make([]uint64, 3)
	for i := range seen {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-ready
			_, seen[i] = n.status()
		}()
	}
	wg.Wait()
	for i, applied := range seen {
		if applied < 20 || applied > 50 {
			fmt.Printf("request %d saw an impossible index %d\n", i, applied)
		}
	}
	term, applied := n.status()
	fmt.Printf("term %d, applied %d\n", term, applied)
}
