// Command tickets sells a few tickets to many buyers at once.
//
// A throwaway lab used to capture a wrong-output report for
// checker/internal/explain.
package main

import (
	"flag"
	"fmt"
	"sync"

	"github.com/racelab/racelab/labs/internal/overlap"
)

// Stock holds the tickets left.
type Stock struct {
	mu   sync.Mutex
	left int
	sold int
}

func (s *Stock) Left() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.left
}

func (s *Stock) Take() {
	s.mu.Lock()
	s.left--
	s.sold++
	s.mu.Unlock()
}

func run() {
	buyers := flag.Int("buyers", 10, "how many buyers")
	tickets := flag.Int("tickets", 3, "how many tickets are for sale")
	flag.Parse()

	stock := &Stock{left: *tickets}
	var wg sync.WaitGroup
	for range *buyers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			overlap.Work()
			if stock.Left() > 0 {
				overlap.Window()
				stock.Take()
			}
		}()
	}
	wg.Wait()
	fmt.Printf("sold %d tickets\n", stock.sold)
}
