// Command quote prices a shopping basket: it asks the supplier's price API
// for the price of every item, and adds them up.
//
// Run it: go run ./labs/20-bounded-pool/quote -items 12 -limit 4 -seed 42
// With -outage 5 the supplier breaks down after taking 5 requests.
package main

import (
	"context"
	"flag"
	"fmt"
	"sync"

	"github.com/racelab/racelab/labs/20-bounded-pool/catalog"
)

func run() {
	items := flag.Int("items", 12, "how many items the basket holds")
	limit := flag.Int("limit", 4, "how many requests the supplier serves at once")
	outage := flag.Int("outage", 0, "the supplier breaks down after taking this many requests (0: never)")
	seed := flag.Int("seed", 1, "picks the basket and the day's prices")
	flag.Parse()

	api := dialSupplier(*seed, *limit, *outage)
	basket := catalog.Basket(*seed, *items)
	total, err := quote(context.Background(), api, basket, *limit)
	if err != nil {
		fmt.Printf("quote failed: %v\n", err)
		return
	}
	fmt.Printf("quote for %d items: %s\n", len(basket), catalog.Money(total))
}

// quote asks the supplier for the price of every item of the basket and
// returns what the basket costs, in cents.
func quote(ctx context.Context, api *supplier, basket []catalog.Item, limit int) (int, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	prices := make([]int, len(basket))
	sem := make(chan struct{}, limit)
	var (
		once     sync.Once
		firstErr error
	)
	var wg sync.WaitGroup
	for i, item := range basket {
		go func() {
			wg.Add(1)
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			p, err := api.price(ctx, item.SKU)
			if err != nil {
				once.Do(func() { firstErr = err; cancel() })
				return
			}
			prices[i] = p
		}()
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
