package rwmutex

import "sync"

var (
	mu sync.RWMutex
	m  = map[string]int{}
)

func get(k string) int {
	mu.RLock()
	defer mu.RUnlock()
	return m[k]
}

func set(k string, v int) {
	mu.Lock()
	defer mu.Unlock()
	m[k] = v
}
