// Puts quit first in the select and leaves the loop with a labelled break.
// want: pass

package main

// thermometer measures the temperature again and again and sends each
// reading on out, until it is told to quit. run (in average.go) starts it,
// takes the readings it needs, and then closes quit.
func thermometer(seed int, out chan<- int, quit <-chan struct{}) {
loop:
	for i := 0; ; i++ {
		t := measure(seed, i)
		select {
		case <-quit:
			break loop
		case out <- t:
		}
	}
}
