// Closes a done channel when get returns; the sender selects between sending and done.
// want: pass
package main

import (
	"errors"
	"fmt"
	"time"
)

var errTimeout = errors.New("timed out")

// get returns key's value, or errTimeout after timeout.
func get(key string, timeout time.Duration) (string, error) {
	ch := make(chan string)
	done := make(chan struct{})
	defer close(done)
	go func() {
		select {
		case ch <- fetch(key):
		case <-done:
		}
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
}
