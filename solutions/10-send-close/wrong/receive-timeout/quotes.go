// Drops the close and has main stop reading one second after it started: a guess about time; a slower supplier is cut off and left stuck on its send.
// want: wrong-fix
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

	count, best, total := 0, 0, 0
	timeout := time.After(time.Second)
loop:
	for {
		var q int
		select {
		case q = <-quotes:
		case <-timeout:
			break loop
		}
		if count == 0 || q < best {
			best = q
		}
		count++
		total += q
	}
	fmt.Printf("%d quotes from %d suppliers, best %d, average %d\n", count, *suppliers, best, total/max(count, 1))
}
