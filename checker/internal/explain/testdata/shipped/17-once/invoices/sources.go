// Do not edit: part of the lab's fixture.

package main

import "github.com/racelab/racelab/labs/internal/overlap"

// currencies are the foreign currencies the invoices come in.
var currencies = []string{"USD", "EUR", "SGD", "JPY", "MYR"}

// fetchInvoice is slow on purpose: think of it as a download. Invoice i is
// for amount units of a foreign currency. Many invoices are fetched at the
// same time.
func fetchInvoice(seed, i int) (currency string, amount int) {
	overlap.Work()
	return currencies[(seed+i)%len(currencies)], 1 + (seed/3+7*i)%100
}

// loadRates builds the exchange-rate table: think of it as an expensive
// call to the central bank that you want to make only once. It takes a
// while, and the other invoices do not stop meanwhile.
func loadRates(seed int) map[string]int {
	overlap.Window()
	base := []int{16000, 17500, 12000, 105, 3500}
	rates := make(map[string]int, len(currencies))
	for i, c := range currencies {
		rates[c] = base[i] + (seed+i*97)%(base[i]/20+1)
	}
	return rates
}
