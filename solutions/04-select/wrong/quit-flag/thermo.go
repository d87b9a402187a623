// Watches quit in a helper goroutine that sets a stop flag the thermometer checks: the flag is a data race, and the blocked send still never sees it.
// want: race, leak

package main

// thermometer measures the temperature again and again and sends each
// reading on out, until it is told to quit. run (in average.go) starts it,
// takes the readings it needs, and then closes quit.
func thermometer(seed int, out chan<- int, quit <-chan struct{}) {
	stop := false
	go func() {
		<-quit
		stop = true
	}()
	for i := 0; ; i++ {
		if stop {
			return
		}
		t := measure(seed, i)
		out <- t
	}
}
