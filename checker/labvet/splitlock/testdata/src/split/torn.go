package split

import "sync"

type node struct {
	mu      sync.Mutex
	term    uint64
	applied uint64
}

func (n *node) currentTerm() uint64 {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.term
}

func (n *node) appliedIndex() uint64 {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.applied
}

// A getter per field: two holds.
func (n *node) status() (uint64, uint64) {
	return n.currentTerm(), n.appliedIndex() // want `n.term and n.applied are read under n.mu in two separate critical sections`
}

// The same, by hand.
func (n *node) statusByHand() (uint64, uint64) {
	n.mu.Lock()
	t := n.term
	n.mu.Unlock()
	n.mu.Lock()
	a := n.applied
	n.mu.Unlock()
	return t, a // want `n.term and n.applied are read under n.mu in two separate critical sections`
}

type status struct{ term, applied uint64 }

// A struct returned is its fields.
func (n *node) statusStruct() status {
	t := n.currentTerm()
	return status{term: t, applied: n.appliedIndex()} // want `n.term and n.applied are read under n.mu`
}
