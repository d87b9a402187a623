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

// Double-checked: the value written is made anew, and the second section
// tests the place again before writing it.
func doubleChecked(k string) *int {
	rw.RLock()
	p, ok := cache[k]
	rw.RUnlock()
	if ok {
		return p
	}
	rw.Lock()
	defer rw.Unlock()
	if p, ok := cache[k]; ok {
		return p
	}
	p = new(int)
	cache[k] = p
	return p
}

// Tested again through a value read under the second hold.
func recheckValue(page string) {
	mu.Lock()
	n := views[page]
	mu.Unlock()
	if n > 0 {
		return
	}
	mu.Lock()
	if v := views[page]; v == 0 {
		views[page] = 1
	}
	mu.Unlock()
}

// The wait loop and its act under one hold (Wait lets go and takes the
// lock again inside, but the loop tests again each time).
type park struct {
	mu   sync.Mutex
	cond *sync.Cond
	free int
}

func (p *park) enter() {
	p.mu.Lock()
	for p.free == 0 {
		p.cond.Wait()
	}
	p.free--
	p.mu.Unlock()
}

// A test that decides nothing about the write: it is made either way.
func unconditional(page string) {
	mu.Lock()
	if views[page] > 10 {
		fmt.Println("popular")
	}
	mu.Unlock()
	mu.Lock()
	views[page] = 0
	mu.Unlock()
}

// A helper that tests and marks in its one section is the right shape.
func markNew(u string) bool {
	mu.Lock()
	defer mu.Unlock()
	if views[u] > 0 {
		return false
	}
	views[u] = 1
	return true
}

func crawl(links []string) {
	has := func(u string) bool {
		mu.Lock()
		defer mu.Unlock()
		return views[u] > 0
	}
	for _, l := range links {
		if has(l) {
			continue
		}
		if markNew(l) {
			fmt.Println(l)
		}
	}
}

// Tested and written under different locks, or another key.
func elsewhere(a, b string) {
	mu.Lock()
	n := views[a]
	mu.Unlock()
	if n == 0 {
		other.Lock()
		views[a] = 1
		other.Unlock()
		mu.Lock()
		views[b] = 1
		mu.Unlock()
	}
}

// A local's own map is no one else's.
func ownMap(k string) {
	m := map[string]int{}
	mu.Lock()
	v := m[k]
	mu.Unlock()
	if v == 0 {
		mu.Lock()
		m[k] = 1
		mu.Unlock()
	}
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

// A lock per key held over both sections keeps the others out of the
// check and the act together.
type thumbs struct {
	mu    sync.Mutex
	locks map[string]*sync.Mutex
	done  map[string]string
	calls map[string]*sync.WaitGroup
}

func (c *thumbs) perKey(photo string) string {
	c.mu.Lock()
	l, ok := c.locks[photo]
	if !ok {
		l = &sync.Mutex{}
		c.locks[photo] = l
	}
	c.mu.Unlock()
	l.Lock()
	defer l.Unlock()
	c.mu.Lock()
	t, ok := c.done[photo]
	c.mu.Unlock()
	if ok {
		return t
	}
	c.mu.Lock()
	c.done[photo] = "rendered"
	c.mu.Unlock()
	return "rendered"
}

// The first section claims the work (marks it in flight, tested and
// written under one hold): only the claimer reaches the act.
func (c *thumbs) inFlight(photo string) string {
	c.mu.Lock()
	if t, ok := c.done[photo]; ok {
		c.mu.Unlock()
		return t
	}
	if wg, ok := c.calls[photo]; ok {
		c.mu.Unlock()
		wg.Wait()
		return photo
	}
	wg := &sync.WaitGroup{}
	wg.Add(1)
	c.calls[photo] = wg
	c.mu.Unlock()
	c.mu.Lock()
	c.done[photo] = "rendered"
	delete(c.calls, photo)
	c.mu.Unlock()
	wg.Done()
	return "rendered"
}

// A sync.Once's function (like a singleflight's) runs once at a time: no
// one else makes the check between its two sections.
var once sync.Once

func onceOnly(k string) {
	once.Do(func() {
		mu.Lock()
		_, ok := cache[k]
		mu.Unlock()
		if ok {
			return
		}
		mu.Lock()
		cache[k] = new(int)
		mu.Unlock()
	})
}

// The first section, as its test decided, joined a queue: only the first
// to join goes on to settle.
type supplier struct {
	mu       sync.Mutex
	settled  bool
	stranded []int
}

func (s *supplier) broken(line int) {
	s.mu.Lock()
	if s.settled {
		s.mu.Unlock()
		return
	}
	s.stranded = append(s.stranded, line)
	first := len(s.stranded) == 1
	s.mu.Unlock()
	if first {
		s.mu.Lock()
		s.settled = true
		s.mu.Unlock()
	}
}
