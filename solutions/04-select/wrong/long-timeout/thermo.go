// Gives up on a send after 2s instead of listening to quit: after main quits, the goroutine still hangs on for 2s.
// want: leak, deadlock

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
		case <-time.After(2 * time.Second):
			return
		}
	}
}
