// Each replica is probed in a goroutine that sends its error, or nil, on
// an unbuffered channel. The caller returns on the first error; the
// probes still to report are blocked on their sends for ever, a goroutine
// leak. Modelled on the leaks of kubernetes and grpc in the ASPLOS'19
// study of Go concurrency bugs (Tu et al.). At the end, the program counts
// its goroutines and, when some are left, says so and exits 1.
package main

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"time"
)

func probe(i int) error {
	if i == 0 {
		return errors.New("replica 0 is down")
	}
	time.Sleep(time.Duration(i) * time.Millisecond)
	return nil
}

func checkAll(n int) error {
	errc := make(chan error)
	for i := range n {
		go func() { errc <- probe(i) }()
	}
	for range n {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

func main() {
	fmt.Println("check:", checkAll(4))
	time.Sleep(50 * time.Millisecond)
	if n := runtime.NumGoroutine(); n > 1 {
		fmt.Printf("leak: %d goroutines still running\n", n-1)
		os.Exit(1)
	}
}
