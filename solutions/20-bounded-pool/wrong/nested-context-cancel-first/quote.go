// the failing request cancels a context made from another one made from quote's ctx, and only then keeps its error: a request it gave up on can be kept first
// want: wrong-fix

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
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	reqCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	sem := make(chan struct{}, limit)
	var mu sync.Mutex
	var firstErr error
	prices := make([]int, len(basket))
	var wg sync.WaitGroup
	for i, item := range basket {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			p, err := api.price(reqCtx, item.SKU)
			if err != nil {
				cancel()
				mu.Lock()
				if firstErr == nil {
					firstErr = err
				}
				mu.Unlock()
				return
			}
			prices[i] = p
		})
	}
	wg.Wait()
	if firstErr != nil {
		return 0, firstErr
	}
	total := 0
	for i, item := range basket {
		total += prices[i] * item.Qty
	}
	return total, nil
}
