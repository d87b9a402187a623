// Do not edit: part of the lab's fixture.

// Package customers says how much money comes into the bank of command bank
// on the day that a seed picks. The program and the lab's tests both take
// the amounts from here, so the tests know the right balance without
// trusting the program.
package customers

// OpeningBalance is what the account holds when the bank opens, for the
// day that seed picks.
func OpeningBalance(seed int) int {
	return 1000 + seed%9000
}

// DepositAmount is how much customer i pays in on the day that seed picks:
// from 1 to 500.
func DepositAmount(seed, i int) int {
	return 1 + (seed*7919+i*104729)%500
}
