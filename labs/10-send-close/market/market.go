// Do not edit: part of the lab's fixture.

// Package market is the market command quotes asks: what each supplier
// charges for the part, and which suppliers have it in stock at all. The
// program and the lab's tests both take them from here, so the tests know
// the right answer without trusting the program.
package market

// Quote is supplier s's price for the part, in cents, on the day that seed
// picks, and whether s has the part in stock. About one supplier in four
// has not, and then it has no price to give.
func Quote(seed, s int) (cents int, inStock bool) {
	if (seed/7+s*5)%4 == 0 {
		return 0, false
	}
	return 1000 + (seed*7+s*389)%5000, true
}
