// fetch asks a slow backend for an item and gives up after a timeout. The
// worker sends its result on an unbuffered channel: once fetch has given
// up, nobody will ever receive it, and the worker blocks forever. Modelled
// on the timeout leaks of moby and kubernetes in the ASPLOS'19 study of Go
// concurrency bugs (Tu et al.). The program checks for leaks itself: a
// moment after its requests it counts goroutines, and exits 1 when some
// are left.
package main

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"time"
)

func backend(id int) string {
	time.Sleep(30 * time.Millisecond) // a slow disk
	return fmt.Sprintf("item %d", id)
}

func fetch(id int, timeout time.Duration) (string, error) {
	result := make(chan string)
	go func() {
		result <- backend(id)
	}()
	select {
	case item := <-result:
		return item, nil
	case <-time.After(timeout):
		return "", errors.New("timed out")
	}
}

func main() {
	for id := 0; id < 3; id++ {
		if _, err := fetch(id, 5*time.Millisecond); err != nil {
			fmt.Printf("request %d: %v\n", id, err)
		}
	}
	time.Sleep(100 * time.Millisecond) // give the workers time to finish
	if n := runtime.NumGoroutine(); n > 1 {
		fmt.Printf("leak: %d goroutines are still blocked\n", n-1)
		os.Exit(1)
	}
}
