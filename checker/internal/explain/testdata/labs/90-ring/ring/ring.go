// Command ring has accounts in a circle each pay the next one, all at once.
//
// A throwaway lab used to capture a deadlock of many goroutines (a lock
// cycle as long as the circle) for checker/internal/explain.
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
	n := flag.Int("accounts", 6, "how many accounts sit in the circle")
	flag.Parse()

	accounts := make([]*Account, *n)
	for i := range accounts {
		accounts[i] = &Account{balance: 100}
	}
	var wg sync.WaitGroup
	for i, from := range accounts {
		to := accounts[(i+1)%len(accounts)]
		wg.Add(1)
		go func() {
			defer wg.Done()
			transfer(from, to, 1)
		}()
	}
	wg.Wait()
	total := 0
	for _, a := range accounts {
		total += a.balance
	}
	fmt.Printf("total: %d\n", total)
}
