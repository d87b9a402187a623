// Do not edit: part of the lab's fixture.

package main

import (
	"fmt"
	"os"
	"sync"
	"sync/atomic"

	"github.com/racelab/racelab/checker/protocol"
	"github.com/racelab/racelab/labs/25-deadlock/ledger"
	"github.com/racelab/racelab/labs/internal/overlap"
)

// An Account has its own mutex, so that payments between other accounts
// never wait for it. Hold mu to touch the balance: withdraw and deposit
// expect the caller to hold the account's lock.
type Account struct {
	id      int
	mu      accountLock
	balance int
}

// openAccount opens account i with its opening balance from the ledger.
func openAccount(seed, i int) *Account {
	return &Account{id: i, balance: ledger.OpeningBalance(seed, i)}
}

// cash is money on its way from one account to another: taken out by
// withdraw, put in by deposit.
type cash struct {
	amount int
	from   *Account
}

// withdraw takes amount out of account a, whose lock the caller holds. The
// money is in flight until deposit puts it in another account.
func (a *Account) withdraw(amount int) cash {
	a.balance -= amount
	a.mu.id = a.id
	a.mu.inFlight.Add(int64(amount))
	return cash{amount: amount, from: a}
}

// deposit puts c into account a, whose lock the caller holds.
func (a *Account) deposit(c cash) {
	a.balance += c.amount
	c.from.mu.inFlight.Add(-int64(c.amount))
}

// accountLock is a sync.Mutex: Lock it, Unlock it, defer the Unlock, just
// as you would a sync.Mutex. Two things are added, for the lab's tests:
//
//   - Lock (and TryLock) first waits for the other payments to catch up
//     (overlap.Window), before it takes the lock, so that whatever can happen between a
//     payment's first lock and its second happens every time, instead of
//     once in a while;
//   - Unlock is watched by the bank's auditor, who may lock any account at
//     any moment to add up the bank: an account unlocked while money that
//     left it has not arrived anywhere yet shows the auditor money gone
//     from the bank.
type accountLock struct {
	sync.Mutex
	id       int          // the account's id, for the auditor's report
	inFlight atomic.Int64 // money withdrawn from the account, not deposited yet
}

// Lock takes the lock.
func (l *accountLock) Lock() {
	overlap.Window()
	l.Mutex.Lock()
}

// TryLock takes the lock if it is free, as sync.Mutex's TryLock does; like
// Lock, it first waits for the other payments to catch up.
func (l *accountLock) TryLock() bool {
	overlap.Window()
	return l.Mutex.TryLock()
}

// Unlock releases the lock.
func (l *accountLock) Unlock() {
	if n := l.inFlight.Load(); n > 0 {
		auditor.saw(l.id, n)
	}
	l.Mutex.Unlock()
}

// auditor reports the first time it saw money in flight.
var auditor audit

type audit struct{ once sync.Once }

func (a *audit) saw(id int, amount int64) {
	a.once.Do(func() {
		fmt.Fprintf(os.Stderr, protocol.MarkAudit+" auditor: account %d was unlocked while %d that left it had not reached the other account yet: "+
			"anyone who locked account %d then (the auditor adding up the bank, say) saw %d vanish. "+
			"Keep both accounts locked from the withdrawal until the deposit.\n", id, amount, id, amount)
	})
}

// approve runs the fraud check of account i's payment and returns its
// amount. It is slow on purpose: think of a call to another server. Every
// payment runs it at the same time.
func approve(seed, i int) int {
	overlap.Work()
	return ledger.Amount(seed, i)
}
