// Each supplier does left.Add(-1), then a separate left.Load() == 0 decides who closes: two suppliers finishing together can both see 0 and close twice.
// want: wrong-fix, crash
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
	"sync/atomic"
)

func run() {
	suppliers := flag.Int("suppliers", 5, "how many suppliers to ask")
	seed := flag.Int("seed", 1, "seed for the prices and the stock")
	flag.Parse()

	quotes := make(chan int)
	var left atomic.Int64 // suppliers still asking
	left.Store(int64(*suppliers))
	for s := range *suppliers {
		go func() {
			// A supplier without the part in stock sends nothing
			// (askSupplier is in suppliers.go).
			if q, ok := askSupplier(*seed, s); ok {
				quotes <- q
			}
			left.Add(-1)
			// Someone must close quotes, or the range loop below never
			// ends: the last supplier to finish does it.
			if left.Load() == 0 {
				close(quotes)
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
