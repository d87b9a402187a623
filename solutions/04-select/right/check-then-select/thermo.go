// Skips measuring once quit is closed, and still waits for the send or quit together.
// want: pass

package main

// thermometer measures the temperature again and again and sends each
// reading on out, until it is told to quit. run (in average.go) starts it,
// takes the readings it needs, and then closes quit.
func thermometer(seed int, out chan<- int, quit <-chan struct{}) {
	for i := 0; ; i++ {
		select {
		case <-quit:
			return
		default:
		}
		t := measure(seed, i)
		select {
		case out <- t:
		case <-quit:
			return
		}
	}
}
