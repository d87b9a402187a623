package fine

import "sync"

func quote(int) int { return 0 }

func prices(items []int) []int {
	out := make([]int, len(items))
	var wg sync.WaitGroup
	for i, it := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = quote(it)
		}()
	}
	wg.Wait()
	return out
}

// Counted up front, once.
func counted(items []int) {
	var wg sync.WaitGroup
	wg.Add(len(items))
	for range items {
		go wg.Done()
	}
	wg.Wait()
}

// Another WaitGroup's Add after the go: not the one the goroutine Done()s.
func two(a, b *sync.WaitGroup) {
	a.Add(1)
	go func() { defer a.Done() }()
	b.Add(1)
	b.Done()
	a.Wait()
}

// Each Add before its own go statement.
func one(a *sync.WaitGroup) {
	a.Add(1)
	go func() { defer a.Done() }()
	a.Add(1)
	go func() { defer a.Done() }()
	a.Wait()
}
