package fine

import (
	"fmt"
	"sync"
)

var (
	mu    sync.Mutex
	rw    sync.RWMutex
	total int
	last  int
	views = map[string]int{}
	cache = map[string]*int{}
)

// One critical section: nothing can come in between.
func oneSection(page string) {
	mu.Lock()
	v := views[page]
	views[page] = v + 1
	total++
	mu.Unlock()
}

// Read to print, then an unrelated write: no value goes back.
func printThenWrite(page string) {
	mu.Lock()
	n := total
	mu.Unlock()
	fmt.Println(n)
	mu.Lock()
	views[page] = 1
	last = n // another place than the one read
	mu.Unlock()
}

// Another key, another place.
func otherKey(a, b string) {
	mu.Lock()
	v := views[a]
	mu.Unlock()
	mu.Lock()
	views[b] = v
	mu.Unlock()
}

// The second section reads the place again before writing: it checks,
// then acts, under one hold.
func recheck(page string) {
	rw.RLock()
	v := views[page]
	rw.RUnlock()
	rw.Lock()
	if views[page] == v {
		views[page] = v + 1
	}
	rw.Unlock()
}

// Double-checked: the value written is made anew, not the one read.
func doubleChecked(k string) *int {
	rw.RLock()
	p, ok := cache[k]
	rw.RUnlock()
	if ok {
		return p
	}
	p = new(int)
	rw.Lock()
	defer rw.Unlock()
	cache[k] = p
	return p
}

// A variable of the function's own is not shared through the lock.
func own() {
	count := 0
	mu.Lock()
	c := count + total
	mu.Unlock()
	mu.Lock()
	count = c
	mu.Unlock()
	_ = count
}

// Two different locks: not the same lock's two sections (a lock per
// place is another finding's business).
var other sync.Mutex

func twoLocks() {
	mu.Lock()
	t := total
	mu.Unlock()
	other.Lock()
	total = t + 1
	other.Unlock()
}
