package rwonlylock

import "sync"

var (
	mu sync.RWMutex
	m  = map[string]int{}
)

func get(k string) int {
	mu.Lock()
	defer mu.Unlock()
	return m[k]
}

func set(k string, v int) {
	mu.Lock()
	defer mu.Unlock()
	m[k] = v
}
