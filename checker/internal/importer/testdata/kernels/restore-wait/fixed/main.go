// At start-up a daemon restores its containers, one goroutine each, and
// waits for them all while it holds its own lock; but registering a
// container takes that same lock. The restorers wait for the lock, the
// daemon waits for the restorers: a deadlock, every time. Modelled on the
// moby (Docker daemon) and kubernetes deadlocks of the ASPLOS'19 study of
// Go concurrency bugs (Tu et al.): a WaitGroup waited on while holding a
// lock that the waited-for goroutines need.
package main

import (
	"fmt"
	"sync"
)

type daemon struct {
	mu         sync.Mutex
	containers map[string]string
	restored   bool
}

// register records a restored container.
func (d *daemon) register(id, state string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.containers[id] = state
}

// restore brings every container back, in parallel.
func (d *daemon) restore(ids []string) {
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d.register(id, "running")
		}()
	}
	wg.Wait()
	d.mu.Lock()
	d.restored = true
	d.mu.Unlock()
}

func main() {
	d := &daemon{containers: map[string]string{}}
	d.restore([]string{"web", "db", "cache", "queue"})
	d.mu.Lock()
	defer d.mu.Unlock()
	fmt.Printf("restored %d containers (done: %v)\n", len(d.containers), d.restored)
}
