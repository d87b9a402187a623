// A client asks a backend for each key and gives up after a timeout. The
// answer comes back on an unbuffered channel: when the caller has already
// returned on the timeout, nobody ever receives it, and the goroutine that
// fetched it is stuck on its send for ever, a goroutine leak. Modelled on
// the kubernetes and etcd leaks of the ASPLOS'19 study of Go concurrency
// bugs (Tu et al.): a result channel whose receiver left on a timeout.
package main

import (
	"errors"
	"fmt"
	"time"
)

var errTimeout = errors.New("timed out")

// fetch asks the backend for key. One replica is slow: its answers take
// far longer than the client waits.
func fetch(key string) string {
	if key == "pods/slow" {
		time.Sleep(150 * time.Millisecond)
	}
	return "value of " + key
}

// get returns key's value, or errTimeout after timeout.
func get(key string, timeout time.Duration) (string, error) {
	ch := make(chan string, 1)
	go func() {
		ch <- fetch(key)
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-time.After(timeout):
		return "", errTimeout
	}
}

func main() {
	for _, key := range []string{"pods/a", "pods/slow", "pods/b"} {
		v, err := get(key, 20*time.Millisecond)
		if err != nil {
			fmt.Printf("%s: %v\n", key, err)
			continue
		}
		fmt.Printf("%s: %s\n", key, v)
	}
}
