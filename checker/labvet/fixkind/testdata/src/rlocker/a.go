package rlocker

import "sync"

var (
	mu      sync.RWMutex
	m       = map[string]int{}
	readers = mu.RLocker()
)

type guard struct{ r sync.Locker }

// Each of these read-locks mu: RLocker's Lock is RLock.
func get(k string) int {
	readers.Lock()
	defer readers.Unlock()
	return m[k]
}

func local(k string) int {
	r := mu.RLocker()
	r.Lock()
	defer r.Unlock()
	return m[k]
}

func direct(k string) int {
	mu.RLocker().Lock()
	defer mu.RLocker().Unlock()
	return m[k]
}

func field(k string) int {
	g := guard{r: mu.RLocker()}
	g.r.Lock()
	defer g.r.Unlock()
	return m[k]
}

// A sync.Locker that is the whole mutex is a write lock, not counted here:
// its Lock is the interface's.
func writer(k string, v int) {
	var l sync.Locker = &mu
	l.Lock()
	mu.Lock()
	m[k] = v
	mu.Unlock()
	l.Unlock()
}
