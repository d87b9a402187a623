// Do not edit: part of the lab's fixture.

package main

// openingBalance is what the account holds when the bank opens, for the
// day that seed picks.
func openingBalance(seed int) int {
	return 1000 + seed%9000
}

// depositAmount is how much customer i pays in on the day that seed picks:
// from 1 to 500.
func depositAmount(seed, i int) int {
	return 1 + (seed*7919+i*104729)%500
}
