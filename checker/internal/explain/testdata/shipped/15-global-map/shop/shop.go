// Command shop prices a batch of orders against a product catalogue kept in
// a global map, while an importer adds new products to the same map.
//
// Run it: go run ./labs/15-global-map/shop -orders 10 -new 3 -seed 1
package main

import (
	"flag"
	"fmt"
	"sync"
)

// catalog maps each product to its price in cents. The orders read it and
// the importer adds to it, each from a goroutine of its own.
var catalog = map[string]int{
	"apple": 120, "bread": 250, "cheese": 480, "dates": 310,
	"eggs": 199, "flour": 95, "grapes": 275, "honey": 560,
}

// TODO: a Go map is not safe for concurrent use. Declare a sync.RWMutex
// here to guard catalog: many readers may hold its RLock at once, a writer
// needs its Lock.

// price looks a product up in the catalogue. lookup (catalog.go) is what
// reads the map: it takes a moment, and many orders read at once.
func price(product string) int {
	// TODO: a reader takes the read lock.
	return lookup(catalog, product)
}

// addProduct puts a new product in the catalogue.
func addProduct(product string, cents int) {
	// TODO: a writer takes the write lock.
	catalog[product] = cents
}

func run() {
	orders := flag.Int("orders", 10, "how many orders to price")
	added := flag.Int("new", 3, "how many new products the importer adds")
	seed := flag.Int("seed", 1, "seed for the orders and the new products")
	flag.Parse()

	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // the importer
		defer wg.Done()
		for i := range *added {
			addProduct(newProduct(*seed, i))
		}
	}()

	totals := make([]int, *orders)
	for i := range *orders {
		wg.Add(1)
		go func() { // one order
			defer wg.Done()
			product, qty := receiveOrder(*seed, i)
			totals[i] = qty * price(product)
		}()
	}
	wg.Wait()

	sum := 0
	for _, t := range totals {
		sum += t
	}
	fmt.Printf("%d orders, total %d cents\n", *orders, sum)
	fmt.Printf("catalogue: %d products\n", len(catalog))
}
