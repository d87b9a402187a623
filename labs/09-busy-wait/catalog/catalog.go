// Do not edit: part of the lab's fixture.

// Package catalog is the shop whose prices command warmup serves: the price
// of each item and which item each request asks for. The program and the
// lab's tests both take them from here, so the tests know the right answers
// without trusting the program.
package catalog

// Items is how many items the price list holds.
const Items = 100

// Price is the price of item, in cents, on the day that seed picks: from 50
// to 999.
func Price(seed, item int) int {
	return 50 + (seed+item*37)%950
}

// Item is the item that request i asks for on the day that seed picks.
func Item(seed, i int) int {
	return (seed/11 + i*13) % Items
}
