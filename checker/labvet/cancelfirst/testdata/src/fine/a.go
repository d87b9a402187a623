package fine

import (
	"context"
	"fmt"
	"sync"
)

func price(ctx context.Context, i int) (int, error) { return i, ctx.Err() }

// The error is kept first, then the others are cancelled.
func keepThenCancel(ctx context.Context, n int) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var mu sync.Mutex
	var first error
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			if _, err := price(ctx, i); err != nil {
				mu.Lock()
				if first == nil {
					first = err
				}
				mu.Unlock()
				cancel()
			}
		})
	}
	wg.Wait()
	return first
}

// The cancel is made under the lock the error is kept under: nobody else
// can keep theirs in between.
func cancelUnderTheLock(ctx context.Context, n int) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var mu sync.Mutex
	var first error
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			if _, err := price(ctx, i); err != nil {
				mu.Lock()
				defer mu.Unlock()
				cancel()
				if first == nil {
					first = err
				}
			}
		})
	}
	wg.Wait()
	return first
}

// The cause is the error: the first cancel keeps it.
func cancelWithCause(ctx context.Context, n int) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			if _, err := price(ctx, i); err != nil {
				cancel(err)
				fmt.Println("cancelled after", err)
			}
		})
	}
	wg.Wait()
	return context.Cause(ctx)
}

// main's loop holds the error it keeps before it cancels anyone.
func mainKeeps(ctx context.Context, results chan error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var first error
	for err := range results {
		if err != nil {
			cancel()
			if first == nil {
				first = err
			}
		}
	}
	_ = ctx
	return first
}

// The error is dropped, not handed on: another mistake, not this one.
func dropped(ctx context.Context, n int) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	for i := range n {
		go func() {
			if _, err := price(ctx, i); err != nil {
				cancel()
				return
			}
		}()
	}
}
