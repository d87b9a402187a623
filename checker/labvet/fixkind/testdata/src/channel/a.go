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
