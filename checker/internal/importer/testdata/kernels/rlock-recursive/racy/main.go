// A cache's lookup holds the read lock and calls size, which takes the
// read lock again. Between the two, a writer asks for the lock: an
// RWMutex then blocks new readers until the writer is done, the writer
// waits for the first read lock, and the reader waits behind the writer.
// Modelled on the recursive RLock deadlocks of the ASPLOS'19 study of Go
// concurrency bugs (Tu et al.; etcd, kubernetes). The program watches for
// its own hang: after a second it prints "deadlock:" and exits 1.
package main

import (
	"fmt"
	"os"
	"sync"
	"time"
)

type cache struct {
	mu    sync.RWMutex
	items map[string]int
}

func (c *cache) size() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return len(c.items)
}

func (c *cache) lookup(key string, held chan<- struct{}) (int, int) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	close(held)
	time.Sleep(100 * time.Millisecond) // decode the entry
	return c.items[key], c.size()
}

func (c *cache) put(key string, v int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[key] = v
}

func main() {
	c := &cache{items: map[string]int{"a": 1}}
	held := make(chan struct{})
	done := make(chan struct{})
	go func() {
		v, n := c.lookup("a", held)
		fmt.Println("a =", v, "of", n)
		close(done)
	}()
	go func() {
		<-held
		c.put("b", 2)
	}()
	select {
	case <-done:
	case <-time.After(time.Second):
		fmt.Println("deadlock: lookup never returned")
		os.Exit(1)
	}
}
