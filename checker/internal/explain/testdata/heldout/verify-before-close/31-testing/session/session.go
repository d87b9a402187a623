// Do not edit: part of the lab's fixture.

// Package session keeps track of who is logged in. A session stays active
// for TTL after its last use; a janitor goroutine forgets expired sessions
// now and then, so that the store does not grow forever.
package session

import (
	"sync"
	"time"
)

// TTL is how long a session stays active after its last use: from TTL on,
// it has expired.
const TTL = 30 * time.Minute

// sweepEvery is how often the janitor forgets expired sessions.
const sweepEvery = 10 * time.Minute

// Store is a set of sessions, safe for concurrent use. Close it when you
// are done with it.
type Store struct {
	mu       sync.Mutex
	sessions map[string]time.Time // session id -> time of its last use
	stop     chan struct{}        // closed by Close
	done     chan struct{}        // closed by the janitor as it ends
}

// New returns an empty store and starts its janitor.
func New() *Store {
	s := &Store{
		sessions: map[string]time.Time{},
		stop:     make(chan struct{}),
		done:     make(chan struct{}),
	}
	go s.janitor()
	return s
}

// Touch records a use of session id now: it starts the session, or keeps
// it active for another TTL.
func (s *Store) Touch(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sessions[id] = time.Now()
}

// Active reports whether session id was used less than TTL ago.
func (s *Store) Active(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	last, ok := s.sessions[id]
	return ok && time.Since(last) < TTL
}

// Close stops the janitor and waits for it to end. The store must not be
// used afterwards.
func (s *Store) Close() {
	close(s.stop)
	<-s.done
}

// janitor sweeps every sweepEvery until Close.
func (s *Store) janitor() {
	defer close(s.done)
	tick := time.NewTicker(sweepEvery)
	defer tick.Stop()
	for {
		select {
		case <-tick.C:
			s.sweep()
		case <-s.stop:
			return
		}
	}
}

// sweep forgets the sessions that have expired.
func (s *Store) sweep() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for id, last := range s.sessions {
		if time.Since(last) >= TTL {
			delete(s.sessions, id)
		}
	}
}
