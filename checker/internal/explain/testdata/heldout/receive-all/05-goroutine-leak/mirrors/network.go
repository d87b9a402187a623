// Do not edit: part of the lab's fixture.

package main

import (
	"iter"
	"time"

	"github.com/racelab/racelab/labs/05-goroutine-leak/registry"
	"github.com/racelab/racelab/labs/internal/overlap"
)

// A mirror is a connection to one copy of the package registry.
type mirror struct {
	id   int
	last bool // the slowest of several: its answer comes after fastest returned
}

// dial connects to n mirrors, one after another, and hands each connection
// to the loop that ranges over it as soon as it is made. Connecting takes a
// while: by the time the last connection is made, the first mirrors have
// long answered. Under the lab's tests dial makes that certain: it returns
// only once every goroutine the loop started has gone as far as it can
// (overlap.Settle), so the answers are in, or waiting to be handed over,
// before fastest looks for the first one. Every run is the same.
func dial(n int) iter.Seq[mirror] {
	return func(yield func(mirror) bool) {
		for id := range n {
			if !yield(mirror{id: id, last: n > 1 && id == n-1}) {
				return
			}
		}
		overlap.Settle()
	}
}

// ask asks the mirror for the latest version of pkg. It is slow: think of
// a request over the network. Every mirror holds a full copy of the
// registry, so whichever mirror answers, the answer is the same. When
// there are several, the last one is far slower than the rest: under the
// lab's tests it answers only once run has returned (overlap.Late), so a
// fastest that waits for every answer never returns.
func (m mirror) ask(pkg string) string {
	overlap.Work()
	if m.last {
		overlap.Late(200 * time.Millisecond)
	}
	return registry.LatestVersion(pkg)
}
