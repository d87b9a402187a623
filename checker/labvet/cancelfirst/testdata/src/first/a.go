package first

import (
	"context"
	"fmt"
	"sync"
)

func price(ctx context.Context, i int) (int, error) { return i, ctx.Err() }

type group struct{}

func (*group) Go(f func() error) { go f() }

func mutexAfterCancel(ctx context.Context, n int) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var mu sync.Mutex
	var first error
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			_, err := price(ctx, i)
			if err != nil {
				cancel() // want `cancel\(\) comes before err is handed on: a goroutine this cancel gives up on can hand on its own error \(context.Canceled\) first`
				mu.Lock()
				if first == nil {
					first = err
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return first
}

func sendAfterCancel(ctx context.Context, n int) error {
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	errc := make(chan error, n)
	for i := range n {
		go func() {
			if _, err := price(ctx, i); err != nil {
				stop() // want `stop\(\) comes before err is handed on`
				errc <- fmt.Errorf("item %d: %w", i, err)
			}
		}()
	}
	return <-errc
}

func returnAfterCancel(ctx context.Context, g *group, n int) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	for i := range n {
		g.Go(func() error {
			_, err := price(ctx, i)
			if err != nil {
				cancel() // want `cancel\(\) comes before err is handed on`
				return err
			}
			return nil
		})
	}
}

func onceAfterCancel(ctx context.Context, n int) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var once sync.Once
	var first error
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := price(ctx, i)
			if nil != err {
				cancel(nil) // want `cancel\(\) comes before err is handed on`
				once.Do(func() { first = err })
			}
		}()
	}
	wg.Wait()
	return first
}
