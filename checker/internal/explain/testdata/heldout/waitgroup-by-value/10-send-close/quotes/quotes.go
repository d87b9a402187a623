// why: wrong: the WaitGroup is passed by value to the supplier helper, so each Done decrements a copy; the closer's Wait never returns, quotes is never closed and main's range hangs (deadlock; vet copylocks)
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

// supply asks one supplier and sends its quote, if it has the part.
func supply(wg sync.WaitGroup, seed, s int, quotes chan<- int) {
	defer wg.Done()
	// A supplier without the part in stock sends nothing
	// (askSupplier is in suppliers.go).
	if q, ok := askSupplier(seed, s); ok {
		quotes <- q
	}
}

func run() {
	suppliers := flag.Int("suppliers", 5, "how many suppliers to ask")
	seed := flag.Int("seed", 1, "seed for the prices and the stock")
	flag.Parse()

	quotes := make(chan int)
	var wg sync.WaitGroup
	for s := range *suppliers {
		wg.Add(1)
		go supply(wg, *seed, s, quotes)
	}

	// Someone must close quotes, or the range loop below never ends.
	go func() {
		wg.Wait()
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
