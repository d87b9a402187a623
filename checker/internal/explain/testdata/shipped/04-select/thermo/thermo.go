package main

// thermometer measures the temperature again and again and sends each
// reading on out, until it is told to quit. run (in average.go) starts it,
// takes the readings it needs, and then closes quit.
func thermometer(seed int, out chan<- int, quit <-chan struct{}) {
	for i := 0; ; i++ {
		t := measure(seed, i)
		// TODO: once main has its readings it stops receiving, so this send
		// waits forever, and quit is never looked at. Wait for both at once:
		// send t if main takes it, or return if quit is closed.
		out <- t
	}
}
