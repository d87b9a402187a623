// Drops the WaitGroup: each goroutine sends a done signal on a channel, and run receives one per item.
// want: pass

// Command checkout is the till of a small shop. It asks the shop's price
// service for the price of every item in a customer's cart, all items at
// the same time, each in a goroutine of its own, then prints the receipt.
//
// Run it: go run ./labs/11-wg-add/checkout -items 5 -seed 7
package main

import (
	"flag"
	"fmt"

	"github.com/racelab/racelab/labs/11-wg-add/catalog"
)

func run() {
	items := flag.Int("items", 5, "how many items are in the cart")
	seed := flag.Int("seed", 1, "picks the items in the cart")
	flag.Parse()

	cart := catalog.Cart(*seed, *items)
	prices := make([]int, len(cart))
	done := make(chan struct{})
	for i, item := range cart {
		go func() {
			prices[i] = quote(item)
			done <- struct{}{}
		}()
	}
	for range cart {
		<-done
	}
	total := 0
	for i, item := range cart {
		fmt.Printf("%-16s %10s\n", item, rupiah(prices[i]))
		total += prices[i]
	}
	fmt.Printf("%-16s %10s\n", "TOTAL", rupiah(total))
}
