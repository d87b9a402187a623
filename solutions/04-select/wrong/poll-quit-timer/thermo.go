// Wakes every millisecond to look at quit without waiting for it: the loop polls quit at the timer's pace instead of making it a case of the select.
// want: wrong-fix
package main

import "time"

// thermometer measures the temperature again and again and sends each
// reading on out, until it is told to quit. run (in average.go) starts it,
// takes the readings it needs, and then closes quit.
func thermometer(seed int, out chan<- int, quit <-chan struct{}) {
	for i := 0; ; i++ {
		t := measure(seed, i)
	send:
		for {
			select {
			case out <- t:
				break send
			case <-time.After(time.Millisecond):
				select {
				case <-quit:
					return
				default:
				}
			}
		}
	}
}
