package channel

func run(n int) int {
	results := make(chan int)
	for i := range n {
		go func() { results <- i }()
	}
	total := 0
	for range n {
		total += <-results
	}
	return total
}

func buffered(n int) chan int {
	results := make(chan int, n) // a buffer: a use
	unbuffered := make(chan int) // none
	close(unbuffered)            // a use
	return results
}
