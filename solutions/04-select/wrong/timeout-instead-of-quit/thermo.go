// Gives up on a send that waits longer than 100ms instead of listening to quit: it also gives up while main is merely busy.
// want: deadlock, leak

package main

import "time"

// thermometer measures the temperature again and again and sends each
// reading on out, until it is told to quit. run (in average.go) starts it,
// takes the readings it needs, and then closes quit.
func thermometer(seed int, out chan<- int, quit <-chan struct{}) {
	for i := 0; ; i++ {
		t := measure(seed, i)
		select {
		case out <- t:
		case <-time.After(100 * time.Millisecond):
			return
		}
	}
}
