// Command mirrors asks every mirror at once and keeps the fastest answer.
//
// A throwaway copy of 96-mirrors "fixed" by ending the program before the
// leak check, used to capture a refused file for checker/internal/explain.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/racelab/racelab/labs/internal/overlap"
)

func run() {
	n := flag.Int("n", 10, "how many mirrors")
	flag.Parse()

	results := make(chan string)
	for i := range *n {
		go func() {
			overlap.Work()
			results <- fmt.Sprintf("mirror %d", i)
		}()
	}
	<-results
	fmt.Println("got an answer from the fastest mirror")
	// The other mirrors' goroutines are still waiting: end the program
	// before anyone notices.
	os.Exit(0)
}
