// A store announces every put to a watcher on an unbuffered channel, and
// sends while it still holds its lock; the watcher takes the same lock
// before it receives. Once put holds the lock and waits for the watcher,
// the watcher waits for the lock: neither moves. Modelled on the
// lock-held-while-sending deadlocks of kubernetes and moby in the ASPLOS'19
// study of Go concurrency bugs (Tu et al.). The program polls for the
// watcher to finish, and after two seconds gives up with "deadlock:" and
// exit status 1.
package main

import (
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

type store struct {
	mu     sync.Mutex
	puts   int
	events chan string
}

func (s *store) put(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.puts++
	time.Sleep(time.Millisecond) // write the key to disk
	s.events <- key
}

func (s *store) watch(n int, done *atomic.Bool) {
	for range n {
		s.mu.Lock()
		seen := s.puts
		s.mu.Unlock()
		key := <-s.events
		_, _ = seen, key
	}
	done.Store(true)
}

func main() {
	s := &store{events: make(chan string)}
	var done atomic.Bool
	go s.watch(3, &done)
	go func() {
		for _, k := range []string{"a", "b", "c"} {
			s.put(k)
		}
	}()
	start := time.Now()
	for !done.Load() {
		if time.Since(start) > 2*time.Second {
			fmt.Println("deadlock: the watcher never caught up")
			os.Exit(1)
		}
		time.Sleep(time.Millisecond)
	}
	s.mu.Lock()
	fmt.Println("puts:", s.puts)
	s.mu.Unlock()
}
