// A store starts a goroutine that flushes it on every tick of a ticker,
// and nothing ever stops that goroutine: when the program is done with
// the store, the flusher is still running, a goroutine leak. Modelled on
// the etcd and kubernetes leaks of the ASPLOS'19 study of Go concurrency
// bugs (Tu et al.): a background loop with no way to end it.
package main

import (
	"fmt"
	"sync"
	"time"
)

type store struct {
	mu      sync.Mutex
	dirty   int
	flushed int
}

func (s *store) flusher() {
	t := time.NewTicker(2 * time.Millisecond)
	defer t.Stop()
	for range t.C {
		s.mu.Lock()
		s.flushed += s.dirty
		s.dirty = 0
		s.mu.Unlock()
	}
}

func (s *store) write() {
	s.mu.Lock()
	s.dirty++
	s.mu.Unlock()
}

func main() {
	s := &store{}
	go s.flusher()
	for range 20 {
		s.write()
	}
	s.mu.Lock()
	fmt.Println("written:", s.dirty+s.flushed)
	s.mu.Unlock()
}
