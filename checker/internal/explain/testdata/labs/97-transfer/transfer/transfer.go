// Command transfer moves money back and forth between two accounts.
//
// A throwaway lab used to capture deadlock reports for checker/internal/explain.
package main

import (
	"flag"
	"fmt"
	"sync"

	"github.com/racelab/racelab/labs/internal/overlap"
)

// Account is a bank account with its own lock.
type Account struct {
	mu      sync.Mutex
	id      int
	balance int
}

func transfer(from, to *Account, amount int) {
	from.mu.Lock()
	defer from.mu.Unlock()
	overlap.Window()
	to.mu.Lock()
	defer to.mu.Unlock()
	from.balance -= amount
	to.balance += amount
}

func run() {
	n := flag.Int("n", 10, "how many transfers each way")
	flag.Parse()

	a := &Account{id: 1, balance: 100}
	b := &Account{id: 2, balance: 100}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for range *n {
			transfer(a, b, 1)
		}
	}()
	go func() {
		defer wg.Done()
		for range *n {
			transfer(b, a, 1)
		}
	}()
	wg.Wait()
	fmt.Printf("account %d: %d, account %d: %d\n", a.id, a.balance, b.id, b.balance)
}
