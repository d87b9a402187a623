// errgroup with SetLimit, and every function checks ctx before it sends its request
// want: pass

// Command quote prices a shopping basket: it asks the supplier's price API
// for the price of every item, and adds them up.
//
// Run it: go run ./labs/20-bounded-pool/quote -items 12 -limit 4 -seed 42
// With -outage 5 the supplier breaks down after taking 5 requests.
package main

import (
	"context"

	"github.com/racelab/racelab/labs/20-bounded-pool/catalog"
	"golang.org/x/sync/errgroup"
)

// quote asks the supplier for the price of every item of the basket and
// returns what the basket costs, in cents.
func quote(ctx context.Context, api *supplier, basket []catalog.Item, limit int) (int, error) {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(limit)
	prices := make([]int, len(basket))
	for i, item := range basket {
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			var err error
			prices[i], err = api.price(ctx, item.SKU)
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return 0, err
	}

	total := 0
	for i, item := range basket {
		total += prices[i] * item.Qty
	}
	return total, nil
}
