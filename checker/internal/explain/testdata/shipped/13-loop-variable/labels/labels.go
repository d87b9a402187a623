// Command labels prints a shipping label for each of n orders. Each order
// is packed by a goroutine of its own, which picks the box that fits (pack,
// in packing.go, is slow: the orders are packed at the same time).
//
// Run it: go run ./labs/13-loop-variable/labels -n 8 -seed 5
package main

import (
	"flag"
	"fmt"
	"sync"

	"github.com/racelab/racelab/labs/13-loop-variable/shop"
)

type order struct {
	id    int
	items int
}

type label struct {
	order int
	items int
	box   string
}

func run() {
	n := flag.Int("n", 8, "how many orders")
	seed := flag.Int("seed", 1, "picks the order numbers and their items")
	flag.Parse()

	orders := make([]order, *n)
	for i := range orders {
		orders[i] = order{id: shop.OrderID(*seed, i), items: shop.Items(*seed, i)}
	}

	labels := make([]label, *n)
	var wg sync.WaitGroup
	var o order // the order in hand
	for i := range orders {
		// TODO: the labels come out wrong, and the race detector reports o.
		// (i is fine: since Go 1.22 every iteration has its own i.) Make
		// each goroutine work on its own order.
		o = orders[i]
		wg.Add(1)
		go func() {
			defer wg.Done()
			box := pack(o.items)
			labels[i] = label{order: o.id, items: o.items, box: box}
		}()
	}
	wg.Wait()

	for _, l := range labels {
		fmt.Printf("order %d: %d items, %s box\n", l.order, l.items, l.box)
	}
}
