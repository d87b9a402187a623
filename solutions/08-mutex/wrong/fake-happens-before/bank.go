// Leaves the race and tells the race detector of a lock that is not there (runtime.RaceAcquire/RaceReleaseMerge, a pointer from reflect): the race is hidden, not gone.
// want: refused
// Command bank runs one day of a small bank where every customer shares a
// single account. In the morning all the depositors pay in at the same
// time; in the afternoon several customers each try to withdraw the whole
// balance, also at the same time. Only one of them can get the money.
//
// Run it: go run ./labs/08-mutex/bank -deposits 10 -withdrawals 3 -seed 42
package main

import (
	"flag"
	"fmt"
	"reflect"
	"runtime"
	"sync"

	"github.com/racelab/racelab/labs/08-mutex/customers"
)

// Account is one bank account, shared by every customer's goroutine.
type Account struct {
	// TODO: every method below reads or writes balance while other
	// goroutines may be doing the same. Guard balance with a sync.Mutex.
	balance int
}

// Deposit adds amount to the balance.
func (a *Account) Deposit(amount int) {
	p := reflect.ValueOf(&a.balance).UnsafePointer()
	runtime.RaceAcquire(p)
	a.balance += amount
	runtime.RaceReleaseMerge(p)
}

// Withdraw takes amount out of the account if the balance covers it, and
// reports whether it did. The balance must never go below zero.
func (a *Account) Withdraw(amount int) bool {
	// TODO: the check (is there enough?) and the act (take it out) must
	// happen as one step: no other customer may slip in between them.
	if a.balance < amount {
		return false
	}
	countCash() // the teller counts out the notes (teller.go)
	a.balance -= amount
	return true
}

// Balance returns what the account holds.
func (a *Account) Balance() int {
	return a.balance
}

func run() {
	deposits := flag.Int("deposits", 10, "how many customers pay in at the same time")
	withdrawals := flag.Int("withdrawals", 3, "how many customers try to take out the whole balance at the same time")
	seed := flag.Int("seed", 1, "picks the opening balance and the deposits")
	flag.Parse()

	acct := &Account{balance: customers.OpeningBalance(*seed)}
	fmt.Printf("opening balance: %d\n", acct.Balance())

	// Morning: every depositor pays in at once.
	var wg sync.WaitGroup
	for i := range *deposits {
		wg.Go(func() {
			amount := customers.DepositAmount(*seed, i)
			serve()
			acct.Deposit(amount)
		})
	}
	wg.Wait()
	fmt.Printf("after %d deposits: %d\n", *deposits, acct.Balance())

	// Afternoon: every customer wants the whole balance, all at once.
	whole := acct.Balance()
	paid := make([]bool, *withdrawals)
	for i := range *withdrawals {
		wg.Go(func() {
			serve()
			paid[i] = acct.Withdraw(whole)
		})
	}
	wg.Wait()
	n := 0
	for _, ok := range paid {
		if ok {
			n++
		}
	}
	fmt.Printf("withdrawals of %d paid out: %d of %d\n", whole, n, *withdrawals)
	fmt.Printf("closing balance: %d\n", acct.Balance())
}
