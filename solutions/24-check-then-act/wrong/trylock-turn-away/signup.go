// Turns a user away when the registry's lock is busy: a free name is refused whenever another signup holds the lock at that moment.
// want: wrong-fix, wrong-output
// Command signup registers new users, one goroutine per signup form. Each
// user asks for a username, and a username may belong to one user only:
// whoever asks for a taken name is turned away.
//
// Run it: go run ./labs/24-check-then-act/signup -users 10 -names 3 -seed 1
package main

import (
	"flag"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// register gives name to user if no one has it yet, and reports whether it
// did. The registry and its helpers taken and claim are in registry.go.
//
// TODO: taken and claim each hold r.mu, so there is no data race and the
// race detector stays silent. Yet between the check (taken) and the act
// (claim) the lock is free: another signup can check the same name, find it
// free too, and both users are told the name is theirs. Make the check and
// the act one critical section: lock r.mu yourself, look the name up in
// r.accounts and store the account there, and unlock only after that.
func (r *registry) register(user int, name, password string) bool {
	hash := hashPassword(password)
	if !r.mu.TryLock() {
		return false // someone else is signing up: try again later
	}
	defer r.mu.Unlock()
	if _, taken := r.accounts[name]; taken {
		return false
	}
	r.accounts[name] = account{user: user, hash: hash}
	return true
}

func run() {
	users := flag.Int("users", 10, "how many users sign up at once")
	names := flag.Int("names", 3, "how many different usernames they ask for")
	seed := flag.Int("seed", 1, "seed for the usernames")
	flag.Parse()

	reg := &registry{accounts: map[string]account{}}
	wanted := make([]string, *users)
	welcomed := make([]bool, *users)
	var wg sync.WaitGroup
	for i := range *users {
		wg.Add(1)
		go func() {
			defer wg.Done()
			name, password := readForm(*seed, *names, i)
			wanted[i] = name
			welcomed[i] = reg.register(i, name, password)
		}()
	}
	wg.Wait()

	count, cheated := 0, 0
	for i, ok := range welcomed {
		if ok {
			count++
			if reg.accounts[wanted[i]].user != i {
				cheated++ // told "welcome", but the name belongs to someone else
			}
		}
	}
	var registered []string
	for name := range reg.accounts {
		registered = append(registered, name)
	}
	slices.Sort(registered)
	fmt.Printf("%d signups, %d different names asked for\n", *users, *names)
	fmt.Printf("welcomed %d, turned away %d\n", count, *users-count)
	fmt.Printf("registered: %s\n", strings.Join(registered, " "))
	fmt.Printf("welcomed but not the owner: %d\n", cheated)
}
