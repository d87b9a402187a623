// Do not edit: part of the lab's fixture.

package main

import "github.com/racelab/racelab/labs/internal/overlap"

// square asks another server for x*x. It is slow: think of a request over
// the network. Under the lab's tests it returns only once every square is
// being asked for at the same time (overlap.Work), so a program that asks
// for one square after another fails.
func square(x int) int {
	overlap.Work()
	return x * x
}
