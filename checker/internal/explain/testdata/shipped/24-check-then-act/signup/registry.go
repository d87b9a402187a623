// Do not edit: part of the lab's fixture.

package main

import (
	"fmt"
	"hash/fnv"
	"sync"

	"github.com/racelab/racelab/labs/24-check-then-act/forms"
	"github.com/racelab/racelab/labs/internal/overlap"
)

// account is what the registry stores for a username.
type account struct {
	user int    // the signup form that got the name
	hash string // the user's password, hashed
}

// registry maps each username to its account. Every access to accounts
// holds mu.
type registry struct {
	mu       registryLock
	accounts map[string]account
}

// registryLock is a sync.Mutex: Lock it, Unlock it, defer the Unlock, just
// as you would a sync.Mutex. The one difference is for the lab's tests:
// after a signup releases it, the signup waits for the other signups to
// catch up (overlap.Window), outside the lock, so that whatever can happen
// between two critical sections of one signup does happen, every time,
// instead of once in a blue moon. A signup that keeps its check and its
// act in one critical section loses nothing by it.
type registryLock struct {
	sync.Mutex
}

// Unlock releases the lock.
func (l *registryLock) Unlock() {
	l.Mutex.Unlock()
	overlap.Window()
}

// taken reports whether name already belongs to someone. It holds r.mu
// while it looks, and releases it before it returns. Never call it while
// you hold r.mu: Go's mutex is not reentrant, and it would deadlock.
func (r *registry) taken(name string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	_, ok := r.accounts[name]
	return ok
}

// claim gives name to the account a. It takes r.mu itself, so never call it
// while you hold r.mu either.
func (r *registry) claim(name string, a account) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.accounts[name] = a
}

// hashPassword turns a password into the hash the registry stores. (A real
// one, such as bcrypt, is slow on purpose, to slow down attackers.)
func hashPassword(password string) string {
	h := fnv.New64a()
	h.Write([]byte(password))
	return fmt.Sprintf("%016x", h.Sum64())
}

// readForm is slow on purpose: think of it as a user filling in the signup
// form. Form i asks for one of the names usernames and sets a password.
func readForm(seed, names, i int) (name, password string) {
	overlap.Work()
	return forms.Fill(seed, names, i)
}
