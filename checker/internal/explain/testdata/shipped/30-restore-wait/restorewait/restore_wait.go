// At start-up a daemon restores its containers, one goroutine each, and
// records each restored container in its table.
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
	// TODO: fix the concurrency bug here.
	d.mu.Lock()
	defer d.mu.Unlock()
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d.register(id, "running")
		}()
	}
	wg.Wait()
	d.restored = true
}

func run() {
	d := &daemon{containers: map[string]string{}}
	d.restore([]string{"web", "db", "cache", "queue"})
	d.mu.Lock()
	defer d.mu.Unlock()
	fmt.Printf("restored %d containers (done: %v)\n", len(d.containers), d.restored)
}
