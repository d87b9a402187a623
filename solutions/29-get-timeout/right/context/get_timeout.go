// A context with the timeout: the sender selects between its send and ctx.Done(), so it never waits for a receiver that left.
// want: pass
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

var errTimeout = errors.New("timed out")

// get returns key's value, or errTimeout after timeout.
func get(key string, timeout time.Duration) (string, error) {
	ch := make(chan string)
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	go func() {
		select {
		case ch <- fetch(key):
		case <-ctx.Done():
		}
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
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
