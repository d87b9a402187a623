// other kind: a counter of requests in flight under a mutex, and a sync.Cond to wait for a free slot
// want: other-kind

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
	var mu sync.Mutex
	free := sync.NewCond(&mu)
	inFlight := 0
	var firstErr error
	prices := make([]int, len(basket))
	var wg sync.WaitGroup
	for i, item := range basket {
		mu.Lock()
		for inFlight == limit {
			free.Wait()
		}
		inFlight++
		mu.Unlock()
		wg.Go(func() {
			p, err := api.price(ctx, item.SKU)
			mu.Lock()
			defer mu.Unlock()
			inFlight--
			free.Signal()
			if err != nil {
				if firstErr == nil {
					firstErr = err
					cancel()
				}
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
