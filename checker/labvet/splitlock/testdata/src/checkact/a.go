package checkact

import "sync"

type table struct {
	mu    sync.RWMutex
	rates map[string]int
	loads int
}

func load() map[string]int { return map[string]int{} }

// Tested through a value read under RLock, loaded under Lock: two callers
// both see nil, both load.
func (t *table) get() map[string]int {
	t.mu.RLock()
	rates := t.rates
	t.mu.RUnlock()
	if rates != nil {
		return rates
	}
	t.mu.Lock()
	t.rates = load() // want `t.rates is tested under t.mu on line 17 and written here under a later hold of t.mu, with no test again`
	t.loads++
	rates = t.rates
	t.mu.Unlock()
	return rates
}

// Tested in the condition itself, under the first hold.
func (t *table) direct() {
	t.mu.RLock()
	if t.rates == nil {
		t.mu.RUnlock()
		t.mu.Lock()
		t.rates = load() // want `t.rates is tested under t.mu on line 33`
		t.mu.Unlock()
		return
	}
	t.mu.RUnlock()
}

type park struct {
	mu   sync.Mutex
	cond *sync.Cond
	open bool
	free int
}

// The wait loop tests free; the decrement, under a later hold, does not.
func (p *park) enter() {
	p.mu.Lock()
	for !p.open || p.free == 0 {
		p.cond.Wait()
	}
	p.mu.Unlock()
	p.mu.Lock()
	p.free-- // want `p.free is tested under p.mu on line 53`
	p.mu.Unlock()
}

var (
	mu      sync.Mutex
	visited = map[string]bool{}
	cache   = map[string]*int{}
)

// Each helper is one critical section: the check and the mark are two.
func crawl(links []string) {
	seen := func(u string) bool {
		mu.Lock()
		defer mu.Unlock()
		return visited[u]
	}
	mark := func(u string) {
		mu.Lock()
		defer mu.Unlock()
		visited[u] = true
	}
	for _, link := range links {
		if !seen(link) {
			mark(link) // want `visited\[link\] is tested under mu on line 81`
		}
	}
}

// A value read in one section, tested after it, and a write in another.
func inline(u string) {
	mu.Lock()
	s := visited[u]
	mu.Unlock()
	if s {
		return
	}
	mu.Lock()
	visited[u] = true // want `visited\[u\] is tested under mu on line 90`
	mu.Unlock()
}

// delete is a write too.
func forget(u string) {
	mu.Lock()
	ok := visited[u]
	mu.Unlock()
	if ok {
		mu.Lock()
		delete(visited, u) // want `visited\[u\] is tested under mu on line 103`
		mu.Unlock()
	}
}

type set struct {
	mu sync.Mutex
	m  map[string]bool
}

func (s *set) has(k string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.m[k]
}

func (s *set) add(k string) {
	s.mu.Lock()
	s.m[k] = true
	s.mu.Unlock()
}

// Methods that are one section each, called on another receiver.
func addNew(s *set, k string) bool {
	if s.has(k) {
		return false
	}
	s.add(k) // want `s.m\[k\] is tested under s.mu on line 131`
	return true
}

// Double-checked without the second check: the pointer one caller made
// is overwritten by the other's.
func doubleCheckedOnce(k string) *int {
	mu.Lock()
	p, ok := cache[k]
	mu.Unlock()
	if ok {
		return p
	}
	p = new(int)
	mu.Lock()
	defer mu.Unlock()
	cache[k] = p // want `cache\[k\] is tested under mu on line 142`
	return p
}
