package waitgroup

import "sync"

func run(n int) {
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {})
	}
	wg.Wait()
}
