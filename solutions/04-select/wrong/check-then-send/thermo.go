// Looks at quit once, then does a plain send: quit can close just after the look, and the send waits forever.
// want: leak
package main

func thermometer(seed int, out chan<- int, quit <-chan struct{}) {
	for i := 0; ; i++ {
		t := measure(seed, i)
		select {
		case <-quit:
			return
		default:
		}
		out <- t
	}
}
