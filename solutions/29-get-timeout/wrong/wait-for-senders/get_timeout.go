// Waits for every sender at the end of run: the one whose answer nobody receives never finishes.
// want: deadlock
package main

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

var (
	errTimeout = errors.New("timed out")
	senders    sync.WaitGroup
)

// get returns key's value, or errTimeout after timeout.
func get(key string, timeout time.Duration) (string, error) {
	ch := make(chan string)
	senders.Add(1)
	go func() {
		defer senders.Done()
		ch <- fetch(key)
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-time.After(timeout):
		return "", errTimeout
	}
}

func run() {
	for _, key := range []string{"pods/a", "pods/slow", "pods/b"} {
		v, err := get(key, 100*time.Millisecond)
		if err != nil {
			fmt.Printf("%s: %v\n", key, err)
			continue
		}
		fmt.Printf("%s: %s\n", key, v)
	}
	senders.Wait()
}
