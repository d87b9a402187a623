// Command quote prices a shopping basket: it asks the supplier's price API
// for the price of every item, and adds them up.
//
// Run it: go run ./labs/20-bounded-pool/quote -items 12 -limit 4 -seed 42
// With -outage 5 the supplier breaks down after taking 5 requests.
package main

import (
	"context"

	"github.com/racelab/racelab/labs/20-bounded-pool/catalog"
	"golang.org/x/sync/errgroup" // fix: a group of goroutines with a limit and the first error
)

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
