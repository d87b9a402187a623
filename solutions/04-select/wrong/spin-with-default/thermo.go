// Polls both channels in a loop with a default case: it never blocks, it spins until main takes the reading or quits.
// want: busy-wait

package main

// thermometer measures the temperature again and again and sends each
// reading on out, until it is told to quit. run (in average.go) starts it,
// takes the readings it needs, and then closes quit.
func thermometer(seed int, out chan<- int, quit <-chan struct{}) {
	for i := 0; ; i++ {
		t := measure(seed, i)
		for sent := false; !sent; {
			select {
			case out <- t:
				sent = true
			case <-quit:
				return
			default:
			}
		}
	}
}
