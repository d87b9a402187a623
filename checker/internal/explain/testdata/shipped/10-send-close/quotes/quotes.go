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
	"time"
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
		}()
	}

	// Someone must close quotes, or the range loop below never ends.
	go func() {
		// TODO: half a second is a guess, not synchronisation: nothing
		// makes the sends above finish before this close. Count the
		// senders with a sync.WaitGroup and wait for all of them here.
		time.Sleep(500 * time.Millisecond)
		close(quotes)
	}()

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
