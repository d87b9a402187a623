// Do not edit: part of the lab's fixture.

package main

import "github.com/racelab/racelab/labs/internal/overlap"

// serve is the slow part of serving a customer (checking their ID, filling
// in the form), done before their request reaches the account. Tellers
// serve many customers at the same time.
func serve() {
	overlap.Work()
}

// countCash is the teller counting out the notes, after the check that the
// balance covers the withdrawal and before the money leaves the account. It
// takes a moment, and the other tellers do not stop meanwhile.
func countCash() {
	overlap.Window()
}
