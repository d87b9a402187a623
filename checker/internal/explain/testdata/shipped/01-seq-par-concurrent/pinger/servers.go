// Do not edit: part of the lab's fixture.

package main

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/racelab/racelab/checker/protocol"
	"github.com/racelab/racelab/labs/01-seq-par-concurrent/network"
	"github.com/racelab/racelab/labs/internal/overlap"
)

// showWait is the longest a server's answer is held back, once the answer
// before it has arrived, waiting for that answer to be shown (see waitTurn).
// A program that shows answers as they arrive never comes near it: it is a
// last resort for a program that never lets its goroutines rest.
const showWait = 3 * time.Second

// answer is what a server replies.
type answer struct {
	server int
	millis int // how long the server took to answer
}

// servers simulates n servers and records when each was asked, answered and
// shown, to draw the timeline.
//
// Under the lab's tests (RACELAB_OVERLAP set) the servers do not sleep: a
// server "answers" as soon as every faster server's answer has been shown,
// so when all the servers are asked at once the answers arrive fastest
// first, deterministically, however the machine schedules the goroutines.
// An answer the program receives but does not show straight away (it
// collects the answers first, to sort or print them later) is caught the
// moment the program sits idle with it: that answer is printed marked as
// shown late. Run by hand, each server sleeps its latency, so the timeline
// is real.
type servers struct {
	n        int
	millis   []int
	after    []int // after[i]: the server whose answer must be shown before i answers, or -1
	byHand   bool
	start    time.Time
	answered []chan struct{} // closed when server i has answered
	shown    []chan struct{} // closed when server i's answer has been shown
	giveUp   chan struct{}   // closed when the answers stop being kept in order

	mu       sync.Mutex
	inFlight int
	peak     int // the most servers ever asked at once
	asked    []time.Duration
	answer   []time.Duration
	printed  []time.Duration
	printing []bool // print has started to show server i's answer
	late     []bool // server i's answer arrived, and the program sat idle without showing it
	stopped  bool   // giveUp is closed
}

func newServers(n, seed int) *servers {
	s := &servers{
		n:        n,
		millis:   network.Latencies(n, seed),
		after:    make([]int, n),
		byHand:   os.Getenv(protocol.EnvOverlap) == "",
		start:    time.Now(),
		answered: make([]chan struct{}, n),
		shown:    make([]chan struct{}, n),
		giveUp:   make(chan struct{}),
		asked:    make([]time.Duration, n),
		answer:   make([]time.Duration, n),
		printed:  make([]time.Duration, n),
		printing: make([]bool, n),
		late:     make([]bool, n),
	}
	order := make([]int, n)
	for i := range n {
		order[i] = i
		s.answered[i] = make(chan struct{})
		s.shown[i] = make(chan struct{})
		s.asked[i], s.answer[i], s.printed[i] = -1, -1, -1
	}
	slices.SortFunc(order, func(a, b int) int { return s.millis[a] - s.millis[b] })
	for k, i := range order {
		s.after[i] = -1
		if k > 0 {
			s.after[i] = order[k-1]
		}
	}
	return s
}

// ping asks server i and returns its answer. It is slow: think of a request
// over the network.
func (s *servers) ping(i int) answer {
	s.mu.Lock()
	s.asked[i] = time.Since(s.start)
	s.inFlight++
	s.peak = max(s.peak, s.inFlight)
	s.mu.Unlock()

	if s.byHand {
		time.Sleep(time.Duration(s.millis[i]) * time.Millisecond)
	} else {
		overlap.Work()
	}
	s.waitTurn(i)

	s.mu.Lock()
	first := s.answer[i] < 0
	if first {
		s.answer[i] = time.Since(s.start)
	}
	s.inFlight--
	s.mu.Unlock()
	if first {
		close(s.answered[i])
	}
	return answer{server: i, millis: s.millis[i]}
}

// waitTurn holds server i's answer until the answer of the next faster
// server has been shown, but only under the lab's tests and when every
// server was asked at once: a program that asks them one after another gets
// each answer straight away.
//
// Once that faster answer has arrived, waitTurn lets the program go as far
// as it can (overlap.Settle: until every other goroutine is blocked). A
// program that shows each answer as it arrives has shown it, or is showing
// it, by then. One that collects the answers first is waiting for the next
// one with this answer unshown: it is marked late, and waitTurn stops
// holding answers back, so the program finishes and shows what it does.
func (s *servers) waitTurn(i int) {
	prev := s.after[i]
	s.mu.Lock()
	together := s.peak == s.n
	s.mu.Unlock()
	if s.byHand || prev < 0 || !together {
		return
	}
	select {
	case <-s.answered[prev]:
	case <-s.giveUp:
		return
	}
	select {
	case <-s.shown[prev]:
		return
	case <-s.giveUp:
		return
	default:
	}
	overlap.Settle()
	s.mu.Lock()
	held := !s.printing[prev]
	if held {
		s.late[prev] = true
		s.stopHolding()
	}
	s.mu.Unlock()
	if held {
		return
	}
	select {
	case <-s.shown[prev]:
	case <-s.giveUp:
	case <-time.After(showWait):
		s.mu.Lock()
		s.stopHolding()
		s.mu.Unlock()
	}
}

// stopHolding lets every answer through from now on. s.mu is held.
func (s *servers) stopHolding() {
	if !s.stopped {
		s.stopped = true
		close(s.giveUp)
	}
}

// print shows one answer, marked when the program held it back (see
// waitTurn).
func (s *servers) print(a answer) {
	s.mu.Lock()
	first := !s.printing[a.server]
	s.printing[a.server] = true
	late := s.late[a.server]
	s.mu.Unlock()
	if late {
		fmt.Printf("server %d answered after %dms, shown late: the program held this answer back instead of printing it when it arrived\n", a.server, a.millis)
	} else {
		fmt.Printf("server %d answered after %dms\n", a.server, a.millis)
	}
	if first {
		s.mu.Lock()
		s.printed[a.server] = time.Since(s.start)
		s.mu.Unlock()
		close(s.shown[a.server])
	}
}

// timeline draws when each server was asked (from its first '#') and
// answered (its last '#'), and how long the whole run took.
func (s *servers) timeline() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.n < 1 {
		return
	}
	end := time.Since(s.start)
	const width = 40
	col := func(d time.Duration) int {
		if end <= 0 {
			return 0
		}
		return min(width-1, int(int64(d)*width/int64(end)))
	}
	sum := 0
	fmt.Printf("\ntimeline (%d columns = %v):\n", width, end.Round(time.Millisecond))
	for i := range s.n {
		sum += s.millis[i]
		row := []byte(strings.Repeat(" ", width))
		if s.asked[i] >= 0 && s.answer[i] >= 0 {
			for c := col(s.asked[i]); c <= col(s.answer[i]); c++ {
				row[c] = '#'
			}
		}
		fmt.Printf("  server %2d |%s|\n", i, row)
	}
	fmt.Printf("one server after another: %dms (the sum); all at once: %dms (the slowest); this run: %v\n",
		sum, slices.Max(s.millis), end.Round(time.Millisecond))
}
