package sorts

import (
	"context"
	"errors"
	"sync"
)

func price(ctx context.Context, i int) (int, error) { return i, ctx.Err() }

// The errors of the goroutines the cancel gave up on are told apart from
// the failure, so the order does not decide: left to the runs.
func skipCancelled(ctx context.Context, n int) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var mu sync.Mutex
	var first error
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			if _, err := price(ctx, i); err != nil {
				cancel()
				mu.Lock()
				if first == nil && !errors.Is(err, context.Canceled) {
					first = err
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return first
}
