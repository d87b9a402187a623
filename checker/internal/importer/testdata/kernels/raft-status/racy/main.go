// A raft node applies committed entries in one goroutine while status
// requests read its term and applied index in others, with no lock:
// a data race on the node's fields. Modelled on the etcd data races of
// the ASPLOS'19 study of Go concurrency bugs (Tu et al.), where a status
// or metrics reader saw the raft state the apply loop was writing.
package main

import (
	"fmt"
	"sync"
)

type entry struct {
	term, index uint64
}

type node struct {
	mu      sync.Mutex
	term    uint64
	applied uint64
}

// apply applies the committed entries in order.
func (n *node) apply(entries []entry) {
	for _, e := range entries {
		n.term = e.term
		n.applied = e.index
	}
}

// status is what a /status request reports.
func (n *node) status() (term, applied uint64) {
	return n.term, n.applied
}

func main() {
	n := &node{}
	var entries []entry
	for i := uint64(1); i <= 50; i++ {
		entries = append(entries, entry{term: 1 + i/20, index: i})
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		n.apply(entries)
	}()
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			term, applied := n.status()
			if applied > 50 || term > 3 {
				fmt.Println("impossible status:", term, applied)
			}
		}()
	}
	wg.Wait()
	term, applied := n.status()
	fmt.Printf("term %d, applied %d\n", term, applied)
}
