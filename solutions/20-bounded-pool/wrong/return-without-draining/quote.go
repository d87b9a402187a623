// results come back on a channel and quote returns at the first error, leaving the other goroutines blocked sending theirs
// want: leak

// Command quote prices a shopping basket: it asks the supplier's price API
// for the price of every item, and adds them up.
//
// Run it: go run ./labs/20-bounded-pool/quote -items 12 -limit 4 -seed 42
// With -outage 5 the supplier breaks down after taking 5 requests.
package main

import (
	"context"

	"github.com/racelab/racelab/labs/20-bounded-pool/catalog"
)

// quote asks the supplier for the price of every item of the basket and
// returns what the basket costs, in cents.
func quote(ctx context.Context, api *supplier, basket []catalog.Item, limit int) (int, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type result struct {
		line, price int
		err         error
	}
	results := make(chan result)
	sem := make(chan struct{}, limit)
	go func() {
		for i, item := range basket {
			sem <- struct{}{}
			go func() {
				defer func() { <-sem }()
				p, err := api.price(ctx, item.SKU)
				results <- result{i, p, err}
			}()
		}
	}()
	prices := make([]int, len(basket))
	for range basket {
		r := <-results
		if r.err != nil {
			return 0, r.err
		}
		prices[r.line] = r.price
	}

	total := 0
	for i, item := range basket {
		total += prices[i] * item.Qty
	}
	return total, nil
}
