// Do not edit: part of the lab's fixture.

// Package ledger makes up the books of the round of payments that command
// bank settles: what each account holds before the round, and how much each
// payment moves. The program and the lab's tests both take them from here,
// so the tests know every balance without trusting the program.
package ledger

// OpeningBalance is what account i holds before the round.
func OpeningBalance(seed, i int) int {
	return 100 + (seed*31+i*17)%900
}

// Amount is how much account i pays the next account in the circle.
//
// Accounts 2k and 2k+1 pay the same amount. With two accounts, a pays b
// exactly what b pays a, so a lock order chosen from the payment (its
// amount's size or parity, say) has both payments choose the same side and
// the pair deadlocks every run; only an order of the accounts themselves
// works. In a circle of more, the amounts still differ from pair to pair.
func Amount(seed, i int) int {
	return 1 + (seed*7+(i/2)*29)%100
}
