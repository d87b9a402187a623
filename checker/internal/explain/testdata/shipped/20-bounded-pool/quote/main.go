// Do not edit: part of the lab's fixture.

package main

import (
	"flag"
	"fmt"

	"github.com/racelab/racelab/labs/20-bounded-pool/catalog"
	"github.com/racelab/racelab/labs/internal/program"
)

// main runs run under the lab's checks when the lab's tests start the
// program, and simply calls it when you run it yourself.
func main() { program.Main(run) }

// run prices the basket that the flags describe with quote (quote.go), for
// a customer who asked for it (supplier.go).
func run() {
	items := flag.Int("items", 12, "how many items the basket holds")
	limit := flag.Int("limit", 4, "how many requests the supplier serves at once")
	outage := flag.Int("outage", 0, "the supplier breaks down after taking this many requests (0: never)")
	seed := flag.Int("seed", 1, "picks the basket and the day's prices")
	flag.Parse()

	api := dialSupplier(*seed, *limit, *outage)
	basket := catalog.Basket(*seed, *items)
	total, err := quote(newCustomer(), api, basket, *limit)
	if err != nil {
		fmt.Printf("quote failed: %v\n", err)
		return
	}
	fmt.Printf("quote for %d items: %s\n", len(basket), catalog.Money(total))
}
