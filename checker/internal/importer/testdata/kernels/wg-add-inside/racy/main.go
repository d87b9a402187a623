// Each health check runs in its own goroutine, which calls wg.Add itself.
// wg.Wait can run before any goroutine has added to the group: it
// returns at once, and the results are read while the checks still write
// them, a data race. Modelled on the WaitGroup misuse of kubernetes and
// etcd in the ASPLOS'19 study of Go concurrency bugs (Tu et al.).
package main

import (
	"fmt"
	"sync"
)

func check(endpoint string) bool { return len(endpoint)%2 == 0 }

func main() {
	endpoints := []string{"etcd-0", "etcd-1", "apiserver", "scheduler"}
	healthy := make([]bool, len(endpoints))
	var wg sync.WaitGroup
	for i, ep := range endpoints {
		go func() {
			wg.Add(1)
			defer wg.Done()
			healthy[i] = check(ep)
		}()
	}
	wg.Wait()
	n := 0
	for _, ok := range healthy {
		if ok {
			n++
		}
	}
	fmt.Printf("%d of %d endpoints healthy\n", n, len(endpoints))
}
