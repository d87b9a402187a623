// Command signup registers usernames for users who sign up at once.
//
// A throwaway lab whose fix locks a package-level mutex twice (signUp
// holds mu and calls taken, which locks it again), used to capture a
// self-deadlock for checker/internal/explain.
package main

import (
	"flag"
	"fmt"
	"sync"
)

var (
	mu    sync.Mutex
	names = map[string]bool{}
)

// taken reports whether name is registered.
func taken(name string) bool {
	mu.Lock()
	defer mu.Unlock()
	return names[name]
}

// signUp registers name unless it is taken.
func signUp(name string) bool {
	mu.Lock()
	defer mu.Unlock()
	if taken(name) {
		return false
	}
	names[name] = true
	return true
}

func run() {
	n := flag.Int("users", 4, "how many users sign up")
	flag.Parse()

	var wg sync.WaitGroup
	for i := range *n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			signUp(fmt.Sprintf("gopher%d", i%3))
		}()
	}
	wg.Wait()
	fmt.Println(len(names), "names")
}
