// Command quotes asks every supplier for a price at once, collects the
// quotes from a channel, and reports the best one.
//
// Run it: go run ./labs/10-send-close/quotes -suppliers 5 -seed 1
package main

import (
	"flag"
	"fmt"
	"time"

	"github.com/racelab/racelab/labs/internal/overlap"
)

func run() {
	suppliers := flag.Int("suppliers", 5, "how many suppliers to ask")
	seed := flag.Int("seed", 1, "seed for the prices")
	flag.Parse()

	quotes := make(chan int)
	// TODO: count these senders, so that the closer below can wait for them.
	for s := range *suppliers {
		go func() {
			quotes <- askSupplier(*seed, s)
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
	fmt.Printf("%d quotes, best %d, average %d\n", count, best, total/max(count, 1))
}

// askSupplier is slow on purpose: think of it as a call to the supplier's
// server. It returns supplier s's price in cents.
func askSupplier(seed, s int) int {
	overlap.Work()
	return 1000 + (seed*7+s*389)%5000
}
