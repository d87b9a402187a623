package split

import "sync"

var (
	mu    sync.Mutex
	rw    sync.RWMutex
	total int
	views = map[string]int{}
)

type stats struct {
	mu   sync.Mutex
	hits int
}

func twoSections(page string) {
	mu.Lock()
	v, t := views[page], total
	mu.Unlock()
	v, t = v+1, t+1
	mu.Lock()
	views[page] = v // want `views\[page\] is written from its value read under mu on line 19, in an earlier critical section`
	total = t       // want `total is written from its value read under mu on line 19`
	mu.Unlock()
}

func readLockThenLock(page string) {
	rw.RLock()
	n := views[page]
	rw.RUnlock()
	rw.Lock()
	defer rw.Unlock()
	views[page] = n + 1 // want `views\[page\] is written from its value read under rw on line 30`
}

func (s *stats) field() {
	s.mu.Lock()
	h := s.hits
	s.mu.Unlock()
	s.mu.Lock()
	s.hits = h * 2 // want `s.hits is written from its value read under s.mu on line 39`
	s.mu.Unlock()
}

func inGoroutines(wg *sync.WaitGroup, counts []int) {
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			c := counts[i]
			mu.Unlock()
			mu.Lock()
			counts[i] = c + 1 // want `counts\[i\] is written from its value read under mu on line 52`
			mu.Unlock()
		}()
	}
}
