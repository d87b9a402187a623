// Do not edit: part of the lab's fixture.

package main

import (
	"github.com/racelab/racelab/labs/12-gomaxprocs/site"
	"github.com/racelab/racelab/labs/internal/overlap"
)

// serve sends visitor v the page they asked for and returns its number. It
// is slow: think of reading the page from a database.
func serve(v, seed int) int {
	overlap.Work()
	return site.Page(seed, v)
}
