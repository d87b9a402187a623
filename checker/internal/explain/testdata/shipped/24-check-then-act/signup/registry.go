// Do not edit: part of the lab's fixture.

package main

import (
	"fmt"
	"hash/fnv"
	"sync"

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
	mu       sync.Mutex
	accounts map[string]account
}

// Under the lab's tests, taken (when it answers "free") and claim wait for
// the other signups to catch up (overlap.Window) outside the lock, so that
// a gap left between a check and its act shows every time instead of once
// in a blue moon.

// taken reports whether name already belongs to someone. It holds r.mu
// while it looks, and releases it before it returns. Never call it while
// you hold r.mu: Go's mutex is not reentrant, and it would deadlock.
func (r *registry) taken(name string) bool {
	r.mu.Lock()
	_, ok := r.accounts[name]
	r.mu.Unlock()
	if !ok {
		overlap.Window()
	}
	return ok
}

// claim gives name to the account a. It takes r.mu itself, so never call it
// while you hold r.mu either.
func (r *registry) claim(name string, a account) {
	overlap.Window()
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
