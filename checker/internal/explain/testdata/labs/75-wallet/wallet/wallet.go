// Command wallet pays many amounts into one wallet at once.
//
// A throwaway lab whose fix locks a mutex in a value receiver: every call
// locks its own copy, used to capture go vet's copylocks finding for
// checker/internal/explain.
package main

import (
	"flag"
	"fmt"
	"sync"
)

// Wallet holds money.
type Wallet struct {
	mu      sync.Mutex
	balance *int
}

// Pay adds amount.
func (w Wallet) Pay(amount int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	*w.balance += amount
}

func run() {
	n := flag.Int("payments", 4, "how many payments")
	flag.Parse()

	w := Wallet{balance: new(int)}
	var wg sync.WaitGroup
	for range *n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w.Pay(1)
		}()
	}
	wg.Wait()
	fmt.Println("balance", *w.balance)
}
