// Command fetch looks pages up with a deadline.
//
// A throwaway lab whose change throws a context's cancel function away
// and assigns an atomic update back, used to capture go vet's lostcancel
// and atomic findings for checker/internal/explain.
package main

import (
	"context"
	"flag"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

var fetched int64

// fetch looks one page up, within a deadline.
func fetch(page int) int {
	ctx, _ := context.WithTimeout(context.Background(), time.Second)
	select {
	case <-ctx.Done():
		return 0
	default:
	}
	fetched = atomic.AddInt64(&fetched, 1)
	return page
}

func run() {
	n := flag.Int("pages", 4, "how many pages")
	flag.Parse()

	var wg sync.WaitGroup
	for i := range *n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fetch(i)
		}()
	}
	wg.Wait()
	fmt.Println("fetched", atomic.LoadInt64(&fetched))
}
