package main

import "sync"

// Account is a bank account shared by every client.
type Account struct {
	mu      sync.Mutex
	balance int
}

// Deposit adds n to the balance.
func (a *Account) Deposit(n int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.balance += n
}

// Balance is the current balance.
func (a *Account) Balance() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.balance
}
