// Do not edit: part of the lab's fixture.

// Package shop is the web shop whose orders command labels packs: the
// order numbers and how many items each order holds. The program and the
// lab's tests both take them from here, so the tests know the right labels
// without trusting the program.
package shop

// OrderID is the number of order i on the day that seed picks: from 1000
// to 9999.
func OrderID(seed, i int) int {
	return 1000 + (seed*7+i*13)%9000
}

// Items is how many items order i holds on the day that seed picks: from 1
// to 9.
func Items(seed, i int) int {
	return 1 + (seed+i*5)%9
}
