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
