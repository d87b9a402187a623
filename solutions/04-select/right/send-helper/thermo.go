// Wraps the select in a helper that reports whether the reading was taken, and loops while it was.
// want: pass

package main

// thermometer measures the temperature again and again and sends each
// reading on out, until it is told to quit. run (in average.go) starts it,
// takes the readings it needs, and then closes quit.
func thermometer(seed int, out chan<- int, quit <-chan struct{}) {
	send := func(t int) bool {
		select {
		case out <- t:
			return true
		case <-quit:
			return false
		}
	}
	for i := 0; send(measure(seed, i)); i++ {
	}
}
