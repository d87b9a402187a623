// Picks the lock order from the payment's amount (even amounts lock the payee first): the two payments of a pair can choose opposite orders, and each then holds the lock the other waits for.
// want: deadlock
// Command bank settles a round of payments between accounts sitting in a
// circle: account 0 pays account 1, account 1 pays account 2, ..., and the
// last account pays account 0. Every payment runs in a goroutine of its own,
// all at the same time. With two accounts this is the classic pair: a pays
// b while b pays a.
//
// Run it: go run ./labs/25-deadlock/bank -accounts 2 -seed 42
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
	// TODO: transfer(a, b) locks a and then b, but transfer(b, a) locks b and
	// then a. When both run at once, each one holds the lock the other is
	// waiting for, and both wait forever. Keep one mutex per account, but
	// make every transfer take the two locks in the same order.
	first, second := from, to
	if amount%2 == 0 {
		first, second = to, from
	}
	first.mu.Lock()
	defer first.mu.Unlock()
	second.mu.Lock()
	defer second.mu.Unlock()
	money := from.withdraw(amount)
	to.deposit(money)
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
