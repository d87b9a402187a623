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
	stop    chan struct{}
	stopped chan struct{}
}

func (s *store) flusher() {
	defer close(s.stopped)
	t := time.NewTicker(2 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-t.C:
		}
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
	s := &store{stop: make(chan struct{}), stopped: make(chan struct{})}
	go s.flusher()
	for range 20 {
		s.write()
	}
	close(s.stop)
	<-s.stopped
	s.mu.Lock()
	fmt.Println("written:", s.dirty+s.flushed)
	s.mu.Unlock()
}
