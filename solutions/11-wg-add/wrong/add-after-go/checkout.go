// Moves wg.Add(1) out of the goroutine but to just after the go statement: a goroutine that finishes first calls Done before its Add, and the counter goes below zero.
// want: wrong-fix, crash
// Command checkout is the till of a small shop. It asks the shop's price
// service for the price of every item in a customer's cart, all items at
// the same time, each in a goroutine of its own, then prints the receipt.
//
// Run it: go run ./labs/11-wg-add/checkout -items 5 -seed 7
package main

import (
	"flag"
	"fmt"
	"sync"

	"github.com/racelab/racelab/labs/11-wg-add/catalog"
)

func run() {
	items := flag.Int("items", 5, "how many items are in the cart")
	seed := flag.Int("seed", 1, "picks the items in the cart")
	flag.Parse()

	cart := catalog.Cart(*seed, *items)
	prices := make([]int, len(cart))
	var wg sync.WaitGroup
	for i, item := range cart {
		go func() {
			defer wg.Done()
			prices[i] = quote(item)
		}()
		wg.Add(1)
	}
	wg.Wait()

	total := 0
	for i, item := range cart {
		fmt.Printf("%-16s %10s\n", item, rupiah(prices[i]))
		total += prices[i]
	}
	fmt.Printf("%-16s %10s\n", "TOTAL", rupiah(total))
}
