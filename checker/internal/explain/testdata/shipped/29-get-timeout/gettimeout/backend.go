// Do not edit: part of the lab's fixture.

package main

import "time"

// fetch asks the backend for key. One replica is slow: its answers take
// far longer than the client waits.
func fetch(key string) string {
	if key == "pods/slow" {
		time.Sleep(250 * time.Millisecond)
	}
	return "value of " + key
}
