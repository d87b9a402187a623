// errgroup with SetLimit, but a failing request cancels the outer context before it returns its error: a request that cancel gave up on returns first, and Wait reports it
// want: wrong-output, wrong-fix

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

func quote(ctx context.Context, api *supplier, basket []catalog.Item, limit int) (int, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(limit)
	prices := make([]int, len(basket))
	for i, item := range basket {
		g.Go(func() error {
			p, err := api.price(gctx, item.SKU)
			if err != nil {
				cancel() // stop everyone right away
				return err
			}
			prices[i] = p
			return nil
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
