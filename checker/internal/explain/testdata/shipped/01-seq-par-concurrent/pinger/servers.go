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

// showWait is how long a server's answer may wait, once it has arrived, to be
// shown before the fixture stops keeping the answers in order (see waitTurn).
const showWait = time.Second

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
// Run by hand, each server sleeps its latency, so the timeline is real.
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
	stopped  bool // giveUp is closed
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
// server has been shown, but only when every server was asked at once: a
// program that asks them one after another gets each answer straight away.
// If an answer that has arrived is not shown within showWait (the program
// collects the answers before it prints them), waitTurn stops holding
// answers back, so such a program finishes and shows its order.
func (s *servers) waitTurn(i int) {
	prev := s.after[i]
	s.mu.Lock()
	together := s.peak == s.n
	s.mu.Unlock()
	if prev < 0 || !together {
		return
	}
	select {
	case <-s.answered[prev]:
	case <-s.giveUp:
		return
	}
	select {
	case <-s.shown[prev]:
	case <-s.giveUp:
	case <-time.After(showWait):
		s.mu.Lock()
		if !s.stopped {
			s.stopped = true
			close(s.giveUp)
		}
		s.mu.Unlock()
	}
}

// print shows one answer.
func (s *servers) print(a answer) {
	fmt.Printf("server %d answered after %dms\n", a.server, a.millis)
	s.mu.Lock()
	first := s.printed[a.server] < 0
	if first {
		s.printed[a.server] = time.Since(s.start)
	}
	s.mu.Unlock()
	if first {
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
