// Command quotes asks every supplier for a price at once, collects the
// quotes from a channel, and reports the best one.
//
// Run it: go run ./labs/10-send-close/quotes -suppliers 5 -seed 1
package main

import (
	"flag"
	"fmt"
	"sync" // fix: sync.WaitGroup replaces the sleep

	"github.com/racelab/racelab/labs/internal/overlap"
)

func run() {
	suppliers := flag.Int("suppliers", 5, "how many suppliers to ask")
	seed := flag.Int("seed", 1, "seed for the prices")
	flag.Parse()

	quotes := make(chan int)
	var senders sync.WaitGroup // fix: counts the goroutines that may still send
	for s := range *suppliers {
		senders.Add(1) // fix: count each sender before it starts
		go func() {
			defer senders.Done() // fix: this sender has sent (Done runs after the send)
			quotes <- askSupplier(*seed, s)
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
	fmt.Printf("%d quotes, best %d, average %d\n", count, best, total/max(count, 1))
}

// askSupplier is slow on purpose: think of it as a call to the supplier's
// server. It returns supplier s's price in cents.
func askSupplier(seed, s int) int {
	overlap.Work()
	return 1000 + (seed*7+s*389)%5000
}
