// Do not edit: part of the lab's fixture.

package main

import (
	"time"

	"github.com/racelab/racelab/labs/internal/overlap"
)

// fetch asks the backend for key. One replica is slow: its answers take
// far longer than the client waits. Under the lab's tests its answer comes
// only once run has returned (overlap.Late): a client that waits for it
// after the timeout never finishes.
func fetch(key string) string {
	if key == "pods/slow" {
		overlap.Late(250 * time.Millisecond)
	}
	return "value of " + key
}
