// Do not edit: part of the lab's fixture.

// Package sales is one day of a shop's sales, made up from a seed. Command
// dashboard adds them up, and the lab's tests take them from here too, so
// they know the right summary without trusting the program.
package sales

import "math/rand/v2"

// Sale is one item sold, and what it was sold for, in rupiah.
type Sale struct {
	Item   string
	Amount int
}

// items are what the shop sells.
var items = []string{
	"kopi susu", "es teh", "nasi goreng", "mie ayam", "roti bakar",
	"bakso", "soto ayam", "gado-gado", "pisang goreng", "es jeruk",
}

// Day returns the sales of the day that seed picks: from 40 to 119 of them.
func Day(seed int) []Sale {
	r := rand.New(rand.NewPCG(uint64(seed), 18))
	day := make([]Sale, 40+r.IntN(80))
	for i := range day {
		item := r.IntN(len(items))
		day[i] = Sale{Item: items[item], Amount: 5000 + 1000*((item*7)%13) + 500*r.IntN(4)}
	}
	return day
}

// Best returns the item sold most often (of two sold as often, the one
// first in the menu).
func Best(day []Sale) string {
	count := map[string]int{}
	for _, s := range day {
		count[s.Item]++
	}
	best := items[0]
	for _, item := range items {
		if count[item] > count[best] {
			best = item
		}
	}
	return best
}

// Total returns how many sales there were and their amount.
func Total(day []Sale) (sales, amount int) {
	for _, s := range day {
		sales++
		amount += s.Amount
	}
	return sales, amount
}
