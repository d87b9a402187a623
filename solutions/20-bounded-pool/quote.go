// Command quote prices a shopping basket: it asks the supplier's price API
// for the price of every item, and adds them up.
//
// Run it: go run ./labs/20-bounded-pool/quote -items 12 -limit 4 -seed 42
// With -outage 5 the supplier breaks down after taking 5 requests.
package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/racelab/racelab/labs/20-bounded-pool/catalog"
	"golang.org/x/sync/errgroup" // fix: a group of goroutines with a limit and the first error
)

func run() {
	items := flag.Int("items", 12, "how many items the basket holds")
	limit := flag.Int("limit", 4, "how many requests the supplier serves at once")
	outage := flag.Int("outage", 0, "the supplier breaks down after taking this many requests (0: never)")
	seed := flag.Int("seed", 1, "picks the basket and the day's prices")
	flag.Parse()

	api := dialSupplier(*seed, *limit, *outage)
	basket := catalog.Basket(*seed, *items)
	total, err := quote(context.Background(), api, basket, *limit)
	if err != nil {
		fmt.Printf("quote failed: %v\n", err)
		return
	}
	fmt.Printf("quote for %d items: %s\n", len(basket), catalog.Money(total))
}

// quote asks the supplier for the price of every item of the basket and
// returns what the basket costs, in cents. At most limit requests are in
// flight at once; the first that fails makes the quote fail, and the
// requests still in flight or not sent yet are given up.
func quote(ctx context.Context, api *supplier, basket []catalog.Item, limit int) (int, error) {
	g, ctx := errgroup.WithContext(ctx) // fix: ctx is cancelled as soon as a request fails
	g.SetLimit(limit)                   // fix: g.Go waits while limit requests are in flight
	prices := make([]int, len(basket))
	for i, item := range basket {
		g.Go(func() error { // fix: blocks until fewer than limit are running
			p, err := api.price(ctx, item.SKU) // fix: the group's ctx: a failure elsewhere gives this request up
			prices[i] = p
			return err // fix: the first error returned is the one Wait reports
		})
	}
	if err := g.Wait(); err != nil { // fix: waits for every request, then reports the first error
		return 0, err
	}

	total := 0
	for i, item := range basket {
		total += prices[i] * item.Qty
	}
	return total, nil
}
