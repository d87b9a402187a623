// Watchers send their events on a channel that the collector ranges over,
// but nobody closes it when the watchers are done: the range waits for
// ever, a deadlock. Modelled on the etcd watch bugs of the ASPLOS'19 study
// of Go concurrency bugs (Tu et al.): a receive loop with no close.
package main

import (
	"fmt"
	"sync"
)

func main() {
	events := make(chan string)
	var wg sync.WaitGroup
	for _, key := range []string{"/a", "/b", "/c"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			events <- "PUT " + key
		}()
	}
	go func() {
		wg.Wait()
		close(events)
	}()
	n := 0
	for range events {
		n++
	}
	fmt.Println("events:", n)
}
