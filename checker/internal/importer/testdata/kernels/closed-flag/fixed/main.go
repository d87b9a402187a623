// A transport's Close sets a closed flag that its writers check before
// each write, with no synchronisation: a data race on the flag. Modelled
// on the grpc transport races of the ASPLOS'19 study of Go concurrency
// bugs (Tu et al.), fixed there with an atomic.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type transport struct {
	closed atomic.Bool
}

func (t *transport) write(msg string) bool {
	if t.closed.Load() {
		return false
	}
	_ = msg
	return true
}

func (t *transport) Close() { t.closed.Store(true) }

func main() {
	t := &transport{}
	var wg sync.WaitGroup
	results := make([]bool, 4)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = t.write(fmt.Sprint("msg ", i))
		}()
	}
	t.Close()
	wg.Wait()
	fmt.Println("closed:", len(results) > 0)
}
