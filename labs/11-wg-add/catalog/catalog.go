// Do not edit: part of the lab's fixture.

// Package catalog is the shop of command checkout: what is in a customer's
// cart, and what each item costs. The program and the lab's tests both take
// them from here, so the tests know the right receipt without trusting the
// program.
package catalog

import "math/rand/v2"

// products are what the shop sells.
var products = []string{
	"rice 5kg", "cooking oil", "sugar 1kg", "eggs (10)", "coffee", "tea",
	"milk", "bread", "instant noodles", "soap", "toothpaste", "salt",
	"soy sauce", "chili sauce", "flour 1kg", "butter", "cheese", "apples 1kg",
}

// Cart returns the items of the cart of n items that seed picks, in the
// order the customer put them in.
func Cart(seed, n int) []string {
	r := rand.New(rand.NewPCG(uint64(seed), uint64(n)))
	cart := make([]string, max(n, 0))
	for i := range cart {
		cart[i] = products[r.IntN(len(products))]
	}
	return cart
}

// Price is what item costs today, in rupiah: from Rp1.000 to Rp99.900.
func Price(item string) int {
	h := uint32(2166136261)
	for i := 0; i < len(item); i++ {
		h = (h ^ uint32(item[i])) * 16777619
	}
	return 1000 + int(h%990)*100
}
