package fine

import "sync"

type node struct {
	mu      sync.Mutex
	term    uint64
	applied uint64
	other   sync.Mutex
	name    string
}

// One hold for both.
func (n *node) status() (uint64, uint64) {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.term, n.applied
}

func (n *node) statusByHand() (uint64, uint64) {
	n.mu.Lock()
	t, a := n.term, n.applied
	n.mu.Unlock()
	return t, a
}

func (n *node) currentTerm() uint64 {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.term
}

func (n *node) nodeName() string {
	n.other.Lock()
	defer n.other.Unlock()
	return n.name
}

// Values under two different locks are not one state the first lock
// guards.
func (n *node) label() (uint64, string) {
	return n.currentTerm(), n.nodeName()
}

// The same place twice is not a pair.
func (n *node) twice() (uint64, uint64) {
	return n.currentTerm(), n.currentTerm()
}

// A value and an error are not read under the lock.
func (n *node) termOrErr() (uint64, error) {
	return n.currentTerm(), nil
}
