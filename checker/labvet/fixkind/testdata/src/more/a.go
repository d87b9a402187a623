package more

import (
	"context"
	"sync"
	"time"
)

var (
	once  sync.Once
	mu    sync.Mutex
	ready = sync.NewCond(&mu)
)

func f(results chan int) {
	once.Do(func() {})
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	select {
	case <-ctx.Done():
	case r := <-results:
		_ = r
	}
	mu.Lock()
	ready.Wait()
	mu.Unlock()
}
