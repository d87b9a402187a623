package main

// Account is a bank account shared by every client.
type Account struct {
	balance int
}

// Deposit adds n to the balance.
func (a *Account) Deposit(n int) {
	a.balance += n
}

// Balance is the current balance.
func (a *Account) Balance() int {
	return a.balance
}
