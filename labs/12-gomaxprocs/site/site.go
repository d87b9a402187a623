// Do not edit: part of the lab's fixture.

// Package site is the small web site whose page views command visits
// counts: its pages, and which page each visitor opens. The program and the
// lab's tests both take them from here, so the tests know the right counts
// without trusting the program.
package site

import "math/rand/v2"

// Pages are the site's pages, numbered from 0.
var Pages = []string{"home", "blog", "shop", "about"}

// Page returns the number of the page (its index in Pages) that visitor v
// opens on the day that seed picks.
func Page(seed, v int) int {
	return rand.New(rand.NewPCG(uint64(seed), uint64(v))).IntN(len(Pages))
}
