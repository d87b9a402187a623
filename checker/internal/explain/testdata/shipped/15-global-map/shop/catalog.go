// Do not edit: part of the lab's fixture.

package main

import (
	"fmt"

	"github.com/racelab/racelab/labs/internal/overlap"
)

// products are the names on sale when the shop opens.
var products = []string{"apple", "bread", "cheese", "dates", "eggs", "flour", "grapes", "honey"}

// receiveOrder is slow on purpose: think of it as reading the order from the
// network. Order i asks for qty of one of the products on sale.
func receiveOrder(seed, i int) (product string, qty int) {
	overlap.Work()
	return products[(seed+i)%len(products)], 1 + (seed/7+i)%5
}

// newProduct is slow on purpose too: think of it as reading the supplier's
// feed. It is the importer's i-th new product and its price in cents.
// Under the lab's tests the feed answers only once an order is reading the
// catalogue (overlap.Writer), so that every run adds a product while orders
// read, instead of only the runs where an order starts before the importer
// is done.
func newProduct(seed, i int) (string, int) {
	overlap.Work()
	overlap.Writer()
	return fmt.Sprintf("import-%d-%d", seed, i), 100 + (seed+13*i)%900
}

// lookup reads product's price, in cents, in the catalogue c. Reading a
// big catalogue takes a moment (think of one kept on disk), and a shop has
// many orders reading it at the same time: they only read, so they need
// not wait for each other.
func lookup(c map[string]int, product string) int {
	overlap.Reader()
	return c[product]
}
