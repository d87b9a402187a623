// limit workers take the items from a channel; the first error, kept under a mutex, cancels the rest
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

// quote asks the supplier for the price of every item of the basket and
// returns what the basket costs, in cents.
func quote(ctx context.Context, api *supplier, basket []catalog.Item, limit int) (int, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan int)
	prices := make([]int, len(basket))
	var mu sync.Mutex
	var firstErr error
	var wg sync.WaitGroup
	for range limit {
		wg.Go(func() {
			for i := range jobs {
				p, err := api.price(ctx, basket[i].SKU)
				if err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
						cancel()
					}
					mu.Unlock()
					continue
				}
				prices[i] = p
			}
		})
	}
send:
	for i := range basket {
		select {
		case jobs <- i:
		case <-ctx.Done():
			break send
		}
	}
	close(jobs)
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
