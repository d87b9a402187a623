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
// refused at once with "429 too many requests". It serves a customer: a
// request's context must come from the customer's request (quote's ctx, or
// a context made from it), which carries the customer's account; any other
// is refused with "401 unauthorized".
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
	// late is closed once the breakdown's 503s have been dealt with: the
	// requests that hang "late" return their context's error only then.
	late chan struct{}
}

// A request caught in the breakdown waits for what the breakdown makes of
// it.
type request struct {
	line   int
	answer chan answer
}

// An answer is a 503 (err), or no answer, ever: the request returns its
// context's error once the context is cancelled and after (if not nil) is
// closed.
type answer struct {
	err   error
	after <-chan struct{}
}

var (
	errUnavailable  = errors.New("supplier: 503 service unavailable")
	errUnauthorized = errors.New("supplier: 401 unauthorized (the request's context does not carry the customer's account: make it from quote's ctx)")
)

// dialSupplier connects to the supplier of the day that seed picks.
func dialSupplier(seed, limit, outage int) *supplier {
	return &supplier{seed: seed, limit: max(limit, 1), outage: outage, late: make(chan struct{})}
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
	if s.outage > 0 && s.taken > s.outage {
		s.mu.Unlock()
		return 0, s.broken(ctx, catalog.Line(sku))
	}
	s.serving++
	s.mu.Unlock()
	defer s.served()
	overlap.Window() // connecting: under the lab's tests, the requests in flight wait here for each other
	overlap.Work()   // the supplier looks the price up
	if _, ok := ctx.Value(accountKey{}).(customer); !ok {
		return 0, errUnauthorized
	}
	return catalog.Price(s.seed, sku), nil
}

// served marks a request taken before the breakdown as answered.
func (s *supplier) served() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.inside--
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
	r := &request{line: line, answer: make(chan answer, 1)}
	s.mu.Lock()
	if s.settled {
		s.mu.Unlock()
		defer s.left()
		return hang(ctx, s.late)
	}
	s.stranded = append(s.stranded, r)
	first := len(s.stranded) == 1
	s.mu.Unlock()

	if first {
		go s.breakdown()
	}
	// A request caught in the breakdown left the supplier's count when
	// the breakdown answered it, so it returns without the supplier's lock
	// (see breakdown).
	a := <-r.answer
	if a.err != nil {
		return a.err
	}
	return hang(ctx, a.after)
}

// left takes a request sent after the breakdown out of the supplier's count.
func (s *supplier) left() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.inside--
}

// breakdown answers the requests the breakdown caught, latest line of the
// basket first, in an order that (under the lab's tests) lets a client's
// mistake show every run:
//
//   - The two latest lines get the 503s. A client that reports the error
//     of the earliest line reports a request it gave up on, not the cause.
//   - The first 503 comes alone. The third latest request gives up as soon
//     as the client cancels, and the client's goroutine that cancelled goes
//     on only after it (customer.AfterFunc): a client that cancels before
//     it keeps the 503 keeps "context canceled".
//   - The second 503 comes once the client has gone as far as it can with
//     the first, and the earlier requests give up only once it has gone as
//     far as it can with the second: a client that keeps the last error
//     keeps "context canceled".
//
// Nothing the requests caught do from here on synchronises with the
// supplier's lock (they left its count above): the race detector must see
// nothing that orders one 503's client code before the other's, through a
// request that the first one's cancel let go, so that a first error kept
// without a lock is a race every run.
func (s *supplier) breakdown() {
	s.caught()
	s.mu.Lock()
	s.settled = true
	s.inside -= len(s.stranded)
	stranded := slices.SortedFunc(slices.Values(s.stranded), func(a, b *request) int { return cmp.Compare(b.line, a.line) })
	s.mu.Unlock()

	for i, q := range stranded {
		switch {
		case i == 2:
			q.answer <- answer{}
		case i > 2:
			q.answer <- answer{after: s.late}
		}
	}
	for _, q := range stranded[:min(2, len(stranded))] {
		q.answer <- answer{err: errUnavailable}
		overlap.Settle()
	}
	close(s.late)
}

// hang is a request that never gets an answer: it returns ctx's error once
// the client gives up on it and after (if not nil) is closed.
func hang(ctx context.Context, after <-chan struct{}) error {
	<-ctx.Done()
	if after != nil {
		<-after
	}
	return ctx.Err()
}

// A customer is the context quote runs in: a customer's request for a
// quote, which carries the customer's account (the supplier serves only
// requests made from it) and which the customer never withdraws here.
// Done is a channel rather than nil, as a request's context has, and
// AfterFunc is how the context package reaches the customer when a context
// made from it is cancelled: it calls the function AfterFunc returns.
//
// Under the lab's tests that function waits until the program's other
// goroutines have gone as far as they can (overlap.Settle). The goroutine
// that cancels quote's context then goes on only after the requests it gave
// up on have returned and been dealt with, and whatever it does after the
// cancel (keeping the error that made it cancel) comes after them.
type customer struct {
	context.Context
	done chan struct{}
}

func newCustomer() customer {
	return customer{Context: context.Background(), done: make(chan struct{})}
}

// accountKey is the key of the customer's account among a context's
// values.
type accountKey struct{}

func (c customer) Done() <-chan struct{} { return c.done }

func (c customer) Value(key any) any {
	if key == (accountKey{}) {
		return c
	}
	return c.Context.Value(key)
}

// AfterFunc never calls the function it is given: the customer never
// withdraws the request.
func (c customer) AfterFunc(func()) (stop func() bool) {
	return func() bool {
		overlap.Settle()
		return true
	}
}
