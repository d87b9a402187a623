package main

// thermometer measures the temperature again and again and sends each
// reading on out, until it is told to quit. run (in average.go) starts it,
// takes the readings it needs, and then closes quit.
func thermometer(seed int, out chan<- int, quit <-chan struct{}) {
	for i := 0; ; i++ {
		t := measure(seed, i)
		select { // fix: wait for whichever comes first
		case out <- t: // fix: main took the reading
		case <-quit: // fix: main has enough: stop instead of waiting forever
			return // fix: the goroutine ends, nothing is left behind
		} // fix: end of select
	}
}
