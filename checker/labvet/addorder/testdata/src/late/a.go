package late

import "sync"

func quote(int) int { return 0 }

func prices(items []int) []int {
	out := make([]int, len(items))
	var wg sync.WaitGroup
	for i, it := range items {
		go func() {
			defer wg.Done()
			out[i] = quote(it)
		}()
		wg.Add(1) // want `^wg\.Add comes after the go statement whose goroutine it counts`
	}
	wg.Wait()
	return out
}

func work(wg *sync.WaitGroup) { wg.Done() }

type pool struct{ wg sync.WaitGroup }

func (p *pool) start(n int) {
	for range n {
		go work(&p.wg)
		p.wg.Add(1) // want `^p\.wg\.Add comes after`
	}
	p.wg.Wait()
}
