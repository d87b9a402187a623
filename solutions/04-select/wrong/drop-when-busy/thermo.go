// Adds a default case so a reading main is not ready for is dropped: main averages the wrong readings, and the goroutine spins.
// want: busy-wait, wrong-output

package main

// thermometer measures the temperature again and again and sends each
// reading on out, until it is told to quit. run (in average.go) starts it,
// takes the readings it needs, and then closes quit.
func thermometer(seed int, out chan<- int, quit <-chan struct{}) {
	for i := 0; ; i++ {
		t := measure(seed, i)
		select {
		case out <- t:
		case <-quit:
			return
		default: // main is not ready: skip this reading
		}
	}
}
