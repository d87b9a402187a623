// Command invoices converts a batch of foreign invoices to rupiah, one
// goroutine per invoice. The exchange-rate table is loaded lazily: the first
// invoice that needs it loads it, and every other invoice reuses it.
//
// Run it: go run ./labs/17-once/invoices -invoices 10 -seed 1
package main

import (
	"flag"
	"fmt"
	"sync"
)

// rateTable holds the exchange rates, loaded on first use.
type rateTable struct {
	seed  int
	mu    sync.Mutex
	rates map[string]int // rupiah per unit of each currency; nil until loaded
	loads int            // how many times the table was loaded
}

// get returns the rates, loading them if no one has yet.
//
// TODO: this is "double-checked locking", and it is broken. The first
// check reads t.rates without the lock while another goroutine may be
// writing it inside the lock: a data race, even though the table is only
// ever loaded once. Replace the checks and the mutex with a sync.Once.
func (t *rateTable) get() map[string]int {
	if t.rates == nil {
		t.mu.Lock()
		if t.rates == nil {
			t.rates = loadRates(t.seed)
			t.loads++
		}
		t.mu.Unlock()
	}
	return t.rates
}

func run() {
	invoices := flag.Int("invoices", 10, "how many invoices to convert")
	seed := flag.Int("seed", 1, "seed for the invoices and the rates")
	flag.Parse()

	table := &rateTable{seed: *seed}
	rupiah := make([]int, *invoices)
	var wg sync.WaitGroup
	for i := range *invoices {
		wg.Add(1)
		go func() {
			defer wg.Done()
			currency, amount := fetchInvoice(*seed, i)
			rupiah[i] = amount * table.get()[currency]
		}()
	}
	wg.Wait()

	total := 0
	for _, r := range rupiah {
		total += r
	}
	fmt.Printf("%d invoices, total Rp %d\n", *invoices, total)
	fmt.Printf("rates loaded %d time(s)\n", table.loads)
}
