// Do not edit: part of the lab's fixture.

// Package catalog makes up the shopping baskets that command quote prices,
// and the supplier's price list. The program and the lab's tests both take
// them from here, so the tests know every quote without trusting the
// program.
package catalog

import "fmt"

// An Item is one line of a basket: a product and how many of it.
type Item struct {
	SKU string // the product's code, such as SKU-0007
	Qty int
}

// Basket returns the basket of n items that seed picks. Item i's SKU is
// SKU(i).
func Basket(seed, n int) []Item {
	basket := make([]Item, n)
	for i := range basket {
		basket[i] = Item{SKU: SKU(i), Qty: 1 + (seed+i*7)%5}
	}
	return basket
}

// SKU is the code of the product on line i of a basket.
func SKU(i int) string { return fmt.Sprintf("SKU-%04d", i) }

// Line is the basket line of sku (-1 for a code that is no basket's).
func Line(sku string) int {
	var i int
	if _, err := fmt.Sscanf(sku, "SKU-%04d", &i); err != nil {
		return -1
	}
	return i
}

// Price is what the supplier charges for one sku on the day that seed
// picks, in cents.
func Price(seed int, sku string) int {
	return 100 + (seed*31+Line(sku)*977)%9900
}

// Total is what a whole basket costs on the day that seed picks, in cents.
func Total(seed int, basket []Item) int {
	total := 0
	for _, item := range basket {
		total += Price(seed, item.SKU) * item.Qty
	}
	return total
}

// Money writes an amount of cents as euros and cents, such as 12.05.
func Money(cents int) string { return fmt.Sprintf("%d.%02d", cents/100, cents%100) }
