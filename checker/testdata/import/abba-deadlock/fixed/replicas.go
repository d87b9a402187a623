// Two replicas pull each other's log at the same time. Each pull locks the
// puller's log, then the peer's: when both pull at once, each holds the lock
// the other waits for. Modelled on the lock-ordering deadlocks of etcd and
// moby in the ASPLOS'19 study of Go concurrency bugs (Tu et al.). Like the
// study's kernels, the program watches for its own hang: after a second
// without progress it prints "deadlock:" and exits 1.
package main

import (
	"fmt"
	"os"
	"sync"
	"time"
)

type replica struct {
	id  int
	mu  sync.Mutex
	log []string
}

// pull appends a note about the peer's log to r's, holding both logs.
func pull(r, peer *replica) {
	first, second := r, peer
	if peer.id < r.id {
		first, second = peer, r
	}
	first.mu.Lock()
	defer first.mu.Unlock()
	time.Sleep(20 * time.Millisecond) // fsync r's log before reading the peer's
	second.mu.Lock()
	defer second.mu.Unlock()
	r.log = append(r.log, fmt.Sprintf("replica %d had %d entries", peer.id, len(peer.log)))
}

func main() {
	a := &replica{id: 1, log: []string{"put x"}}
	b := &replica{id: 2, log: []string{"put y", "put z"}}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); pull(a, b) }()
	go func() { defer wg.Done(); pull(b, a) }()

	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(time.Second):
		fmt.Println("deadlock: the replicas are waiting for each other")
		os.Exit(1)
	}
	fmt.Println("entries:", len(a.log)+len(b.log))
}
