// why: wrong: Add moved before go (good) but the WaitGroup is passed by value to the helper, so Done decrements a copy and Wait never returns (deadlock; vet copylocks)
// expect: fail
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
		wg.Add(1)
		go fetchPrice(wg, prices, i, item)
	}
	wg.Wait()

	total := 0
	for i, item := range cart {
		fmt.Printf("%-16s %10s\n", item, rupiah(prices[i]))
		total += prices[i]
	}
	fmt.Printf("%-16s %10s\n", "TOTAL", rupiah(total))
}

// fetchPrice asks the price of one item and files it in prices[i].
func fetchPrice(wg sync.WaitGroup, prices []int, i int, item string) {
	defer wg.Done()
	prices[i] = quote(item)
}
