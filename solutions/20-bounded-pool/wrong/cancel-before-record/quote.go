// a semaphore, and the first error kept under a mutex, but the failing request cancels before it keeps its error: a request it gave up on is kept first
// want: wrong-output, wrong-fix

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

// quote asks the supplier for the price of every item of the basket and
// returns what the basket costs, in cents.
func quote(ctx context.Context, api *supplier, basket []catalog.Item, limit int) (int, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	sem := make(chan struct{}, limit)
	var mu sync.Mutex
	var quoteErr error
	prices := make([]int, len(basket))
	var wg sync.WaitGroup
	for i, item := range basket {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			p, err := api.price(ctx, item.SKU)
			if err != nil {
				cancel()
				mu.Lock()
				if quoteErr == nil {
					quoteErr = err
				}
				mu.Unlock()
				return
			}
			prices[i] = p
		})
	}
	wg.Wait()
	if quoteErr != nil {
		return 0, quoteErr
	}

	total := 0
	for i, item := range basket {
		total += prices[i] * item.Qty
	}
	return total, nil
}
