// Runs a load method through sync.Once: Do(t.load) instead of a closure.
// want: pass
package main

import (
	"flag"
	"fmt"
	"sync"
)

// rateTable holds the exchange rates, loaded on first use.
type rateTable struct {
	seed  int
	once  sync.Once
	rates map[string]int // rupiah per unit of each currency; nil until loaded
	loads int            // how many times the table was loaded
}

// get returns the rates, loading them if no one has yet.

func (t *rateTable) get() map[string]int {
	t.once.Do(t.load)
	return t.rates
}

// load fills the table; once.Do runs it for the first caller only.
func (t *rateTable) load() {
	t.rates = loadRates(t.seed)
	t.loads++
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
