// Do not edit: part of the lab's fixture.

package main

import (
	"iter"

	"github.com/racelab/racelab/labs/internal/overlap"
)

// An entry is one committed entry of the raft log: the term it was made in
// and its index.
type entry struct {
	term, index uint64
}

// entries is the log from index first to last, read from the node's
// storage one entry at a time, as apply asks for them.
//
// Under the lab's tests each entry after the first comes only once every
// other goroutine has gone as far as it can (overlap.Settle): the status
// requests that can run have run by then. A request that reads the node
// outside the lock apply takes (after its Unlock, say) then reads between
// two of apply's writes every run, instead of only when the scheduler
// happens to run it while apply is still busy.
func entries(first, last uint64) iter.Seq[entry] {
	return func(yield func(entry) bool) {
		for i := first; i <= last; i++ {
			if i > first {
				overlap.Settle()
			}
			if !yield(entry{term: 1 + i/20, index: i}) {
				return
			}
		}
	}
}
