// Avoids holding two locks: unlocks from after the withdrawal, then locks to for the deposit, so the money is visibly in flight.
// want: wrong-output
package main

import (
	"flag"
	"fmt"
	"os"
	"sync"
)

// transfer moves amount from one account to another. It holds both
// accounts' locks while it moves the money, so that nobody ever sees the
// money in flight (gone from one account, not yet in the other). Account,
// withdraw and deposit are in accounts.go.
func transfer(from, to *Account, amount int) {
	from.mu.Lock()
	money := from.withdraw(amount)
	from.mu.Unlock()
	to.mu.Lock()
	to.deposit(money)
	to.mu.Unlock()
}

func run() {
	n := flag.Int("accounts", 2, "how many accounts sit in the circle (at least 2)")
	seed := flag.Int("seed", 1, "seed for the opening balances and the amounts")
	flag.Parse()
	if *n < 2 {
		fmt.Fprintln(os.Stderr, "bank: -accounts must be at least 2")
		return
	}

	accounts := make([]*Account, *n)
	before := 0
	for i := range accounts {
		accounts[i] = openAccount(*seed, i)
		before += accounts[i].balance
	}

	var wg sync.WaitGroup
	for i, from := range accounts {
		to := accounts[(i+1)%len(accounts)]
		wg.Add(1)
		go func() {
			defer wg.Done()
			amount := approve(*seed, i)
			transfer(from, to, amount)
		}()
	}
	wg.Wait()

	after := 0
	for _, a := range accounts {
		fmt.Printf("account %d: %d\n", a.id, a.balance)
		after += a.balance
	}
	fmt.Printf("total before: %d\n", before)
	fmt.Printf("total after: %d\n", after)
}
