// The supplier with the last number closes the channel after its send, as if it were always the last to finish (a slower one is left sending, or still at work when main returns).
// want: race, crash, leak

// Command quotes asks every supplier for a price at once, collects the
// quotes from a channel, and reports the best one. Suppliers that do not
// have the part in stock send no quote, so nobody knows in advance how many
// quotes will come.
//
// Run it: go run ./labs/10-send-close/quotes -suppliers 5 -seed 1
package main

import (
	"flag"
	"fmt"
)

func run() {
	suppliers := flag.Int("suppliers", 5, "how many suppliers to ask")
	seed := flag.Int("seed", 1, "seed for the prices and the stock")
	flag.Parse()

	quotes := make(chan int)
	// TODO: count these senders, so that the closer below can wait for them.
	for s := range *suppliers {
		go func() {
			// A supplier without the part in stock sends nothing
			// (askSupplier is in suppliers.go).
			if q, ok := askSupplier(*seed, s); ok {
				quotes <- q
			}
			if s == *suppliers-1 {
				close(quotes) // the last supplier
			}
		}()
	}

	count, best, total := 0, 0, 0
	for q := range quotes {
		if count == 0 || q < best {
			best = q
		}
		count++
		total += q
	}
	fmt.Printf("%d quotes from %d suppliers, best %d, average %d\n", count, *suppliers, best, total/max(count, 1))
}
