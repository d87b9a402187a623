// context.WithCancelCause: the failing request cancels with its error as the cause, which the first cancel keeps, and quote reports context.Cause
// want: pass

// Command quote prices a shopping basket: it asks the supplier's price API
// for the price of every item, and adds them up.
//
// Run it: go run ./labs/20-bounded-pool/quote -items 12 -limit 4 -seed 42
// With -outage 5 the supplier breaks down after taking 5 requests.
package main

import (
	"context"
	"sync"

	"github.com/racelab/racelab/labs/20-bounded-pool/catalog"
)

func quote(ctx context.Context, api *supplier, basket []catalog.Item, limit int) (int, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	sem := make(chan struct{}, limit)
	prices := make([]int, len(basket))
	var wg sync.WaitGroup
	for i, item := range basket {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			p, err := api.price(ctx, item.SKU)
			if err != nil {
				cancel(err) // the first cause sticks
				return
			}
			prices[i] = p
		})
	}
	wg.Wait()
	if err := context.Cause(ctx); err != nil {
		return 0, err
	}
	total := 0
	for i, item := range basket {
		total += prices[i] * item.Qty
	}
	return total, nil
}
