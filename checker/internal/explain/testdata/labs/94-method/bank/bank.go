// Command bank deposits into one account from many goroutines.
//
// A throwaway lab used to capture race reports for checker/internal/explain.
package main

import (
	"flag"
	"fmt"

	"github.com/racelab/racelab/labs/internal/overlap"
)

// Account is a bank account.
type Account struct {
	owner   string
	balance int
}

// Deposit adds amount to the balance.
func (a *Account) Deposit(amount int) {
	a.balance += amount
}

// Balance reports the balance.
func (a *Account) Balance() int {
	return a.balance
}

func run() {
	n := flag.Int("n", 10, "how many deposits")
	flag.Parse()

	acct := &Account{owner: "ana"}
	done := make(chan struct{})
	for i := range *n {
		go func() {
			overlap.Work()
			acct.Deposit(i + 1)
			done <- struct{}{}
		}()
	}
	for range *n {
		<-done
	}
	fmt.Printf("%s has %d\n", acct.owner, acct.Balance())
}
