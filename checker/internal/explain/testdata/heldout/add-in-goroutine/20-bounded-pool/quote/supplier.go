// Do not edit: part of the lab's fixture.

package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/racelab/racelab/labs/20-bounded-pool/catalog"
	"github.com/racelab/racelab/labs/internal/overlap"
)

// A supplier is the wholesale supplier's price API, as command quote reaches
// it over the network.
//
// It serves at most limit requests at once. A request beyond that is
// refused at once with "429 too many requests".
//
// With an outage (-outage M), it breaks down after it has taken M requests.
// The requests it is serving when it breaks fail: two of them get "503
// service unavailable", the others never get an answer. From then on it
// never answers again: every request sent to it hangs until its client
// gives up on it, by cancelling the request's context.
type supplier struct {
	seed, limit, outage int

	mu       sync.Mutex
	inside   int           // requests being served
	taken    int           // requests taken so far
	serving  int           // requests taken before the breakdown, not answered yet
	idle     chan struct{} // closed when serving drops to 0 (nil: none asked)
	stranded []*request    // requests caught in the breakdown, before it settles
	settled  bool          // the breakdown has answered the requests it caught
}

// A request caught in the breakdown waits for what the breakdown makes of
// it: a 503, or nil: no answer, ever.
type request struct {
	line   int
	answer chan error
}

var errUnavailable = errors.New("supplier: 503 service unavailable")

// dialSupplier connects to the supplier of the day that seed picks.
func dialSupplier(seed, limit, outage int) *supplier {
	return &supplier{seed: seed, limit: max(limit, 1), outage: outage}
}

// price asks the supplier what one sku costs, in cents. It returns ctx's
// error, and sends nothing, when ctx is already cancelled; a request that
// hangs returns ctx's error once ctx is cancelled.
func (s *supplier) price(ctx context.Context, sku string) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	s.mu.Lock()
	if s.inside == s.limit {
		s.mu.Unlock()
		return 0, fmt.Errorf("supplier: 429 too many requests (at most %d at once)", s.limit)
	}
	s.inside++
	s.taken++
	n := s.taken
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.inside--
		s.mu.Unlock()
	}()

	if s.outage > 0 && n > s.outage {
		return 0, s.broken(ctx, catalog.Line(sku))
	}
	s.mu.Lock()
	s.serving++
	s.mu.Unlock()
	defer s.served()
	overlap.Window() // connecting: under the lab's tests, the requests in flight wait here for each other
	overlap.Work()   // the supplier looks the price up
	return catalog.Price(s.seed, sku), nil
}

// served marks a request taken before the breakdown as answered.
func (s *supplier) served() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.serving--
	if s.serving == 0 && s.idle != nil {
		close(s.idle)
		s.idle = nil
	}
}

// caught waits until every request the client sends before it can hear of
// the breakdown has reached the broken supplier: the requests taken before
// it are answered, and (under the lab's tests) the client's goroutines are
// all blocked, none of them about to send one more.
func (s *supplier) caught() {
	for {
		overlap.Settle()
		s.mu.Lock()
		if s.serving == 0 {
			s.mu.Unlock()
			return
		}
		if s.idle == nil {
			s.idle = make(chan struct{})
		}
		idle := s.idle
		s.mu.Unlock()
		<-idle
	}
}

// broken is a request sent to the supplier after it broke down.
func (s *supplier) broken(ctx context.Context, line int) error {
	r := &request{line: line, answer: make(chan error, 1)}
	s.mu.Lock()
	if s.settled {
		s.mu.Unlock()
		return hang(ctx)
	}
	s.stranded = append(s.stranded, r)
	first := len(s.stranded) == 1
	s.mu.Unlock()

	if first {
		s.caught()
		s.mu.Lock()
		s.settled = true
		// The two latest lines of the basket get the 503s: a client that
		// reports the error of the earliest line reports a request it
		// gave up on, not the cause.
		slices.SortFunc(s.stranded, func(a, b *request) int { return cmp.Compare(b.line, a.line) })
		for i, q := range s.stranded {
			if i < 2 {
				q.answer <- errUnavailable
			} else {
				q.answer <- nil
			}
		}
		s.mu.Unlock()
	}
	if err := <-r.answer; err != nil {
		return err
	}
	return hang(ctx)
}

// hang is a request that never gets an answer: it returns ctx's error once
// the client gives up on it.
func hang(ctx context.Context) error {
	<-ctx.Done()
	// Under the lab's tests, the client's goroutines that already have an
	// answer are done with it before this one returns.
	overlap.Settle()
	return ctx.Err()
}
