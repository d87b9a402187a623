package usesmutex

import "sync"

var (
	mu sync.Mutex
	n  int
)

func inc() {
	mu.Lock()
	defer mu.Unlock()
	n++
}
