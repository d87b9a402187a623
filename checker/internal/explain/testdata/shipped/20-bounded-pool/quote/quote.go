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
//
// TODO: two things are wrong here.
//   - The supplier serves at most limit requests at once and refuses the
//     others ("429 too many requests"), but quote sends all of them at
//     once. Keep at most limit requests in flight.
//   - When a request fails, the quote fails with that error: report the
//     error that happened first, and give up on the requests still in
//     flight or not sent yet (cancel their context), rather than waiting
//     for answers that may never come.
func quote(ctx context.Context, api *supplier, basket []catalog.Item, limit int) (int, error) {
	prices := make([]int, len(basket))
	errs := make([]error, len(basket))
	var wg sync.WaitGroup
	for i, item := range basket {
		wg.Go(func() {
			prices[i], errs[i] = api.price(ctx, item.SKU)
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return 0, err
		}
	}

	total := 0
	for i, item := range basket {
		total += prices[i] * item.Qty
	}
	return total, nil
}
