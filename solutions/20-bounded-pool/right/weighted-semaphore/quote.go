// golang.org/x/sync/semaphore bounds the requests; the first error cancels the rest
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
	"golang.org/x/sync/semaphore"
)

// quote asks the supplier for the price of every item of the basket and
// returns what the basket costs, in cents.
func quote(ctx context.Context, api *supplier, basket []catalog.Item, limit int) (int, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	sem := semaphore.NewWeighted(int64(limit))
	var mu sync.Mutex
	var firstErr error
	prices := make([]int, len(basket))
	var wg sync.WaitGroup
	for i, item := range basket {
		if err := sem.Acquire(ctx, 1); err != nil {
			break // a request failed: send no more
		}
		wg.Go(func() {
			defer sem.Release(1)
			p, err := api.price(ctx, item.SKU)
			if err != nil {
				mu.Lock()
				if firstErr == nil {
					firstErr = err
					cancel()
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
