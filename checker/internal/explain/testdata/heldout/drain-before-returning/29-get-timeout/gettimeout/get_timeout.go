// On the timeout, receives the late answer before returning: the sender finishes, but get waits for the slow replica after all, so the timeout means nothing.
// want: deadlock
// A client reads keys from a backend (backend.go) and gives up on a key
// whose answer does not come in time.
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
	go func() {
		ch <- fetch(key)
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-time.After(timeout):
		<-ch // let the sender finish, so it is not stuck
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
