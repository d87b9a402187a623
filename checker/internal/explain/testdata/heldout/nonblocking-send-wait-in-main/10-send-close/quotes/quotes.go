// why: wrong: to avoid the deadlock of waiting in main, the suppliers send with select/default; nobody is receiving yet while main Waits, so every quote is dropped (0 quotes reported)
// expect: fail
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
	"sync"
)

func run() {
	suppliers := flag.Int("suppliers", 5, "how many suppliers to ask")
	seed := flag.Int("seed", 1, "seed for the prices and the stock")
	flag.Parse()

	quotes := make(chan int)
	var wg sync.WaitGroup
	for s := range *suppliers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// A supplier without the part in stock sends nothing
			// (askSupplier is in suppliers.go).
			if q, ok := askSupplier(*seed, s); ok {
				select {
				case quotes <- q:
				default: // never block a supplier
				}
			}
		}()
	}

	// Every send is over once Wait returns: now it is safe to close.
	wg.Wait()
	close(quotes)

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
