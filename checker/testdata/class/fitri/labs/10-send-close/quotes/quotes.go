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
	"sync" // fix: sync.WaitGroup replaces the sleep
)

func run() {
	suppliers := flag.Int("suppliers", 5, "how many suppliers to ask")
	seed := flag.Int("seed", 1, "seed for the prices and the stock")
	flag.Parse()

	quotes := make(chan int)
	var senders sync.WaitGroup // fix: counts the goroutines that may still send
	for s := range *suppliers {
		senders.Add(1) // fix: count each sender before it starts
		go func() {
			defer senders.Done() // fix: this supplier is done, whether it sent or not (Done runs after the send)
			// A supplier without the part in stock sends nothing
			// (askSupplier is in suppliers.go).
			if q, ok := askSupplier(*seed, s); ok {
				quotes <- q
			}
		}()
	}

	// Someone must close quotes, or the range loop below never ends.
	go func() {
		senders.Wait() // fix: every send has happened before the close
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
