// A lease table returns early, on an expired lease, without unlocking:
// the next goroutine to take the lock waits for ever, a deadlock. Modelled
// on the missing-unlock bugs of etcd and kubernetes in the ASPLOS'19 study
// of Go concurrency bugs (Tu et al.). The program watches for its own
// hang, as such kernels do: a goroutine sleeps two seconds, then reports
// "deadlock:" and exits 1.
package main

import (
	"fmt"
	"log"
	"sync"
	"time"
)

type leases struct {
	mu      sync.Mutex
	ttl     map[string]int
	renewed int
}

func (l *leases) renew(id string) bool {
	l.mu.Lock()
	if l.ttl[id] <= 0 {
		return false
	}
	l.ttl[id] += 10
	l.renewed++
	l.mu.Unlock()
	return true
}

func main() {
	go func() {
		time.Sleep(2 * time.Second)
		log.Fatal("deadlock: renewals never finished")
	}()
	l := &leases{ttl: map[string]int{"a": 5, "b": 0, "c": 7}}
	var wg sync.WaitGroup
	for _, id := range []string{"a", "b", "c"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l.renew(id)
		}()
	}
	wg.Wait()
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Println("renewed:", l.renewed)
}
