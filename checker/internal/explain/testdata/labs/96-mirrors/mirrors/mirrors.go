// Command mirrors asks every mirror at once and keeps the fastest answer.
//
// A throwaway lab used to capture leak reports for checker/internal/explain.
package main

import (
	"flag"
	"fmt"

	"github.com/racelab/racelab/labs/internal/overlap"
)

func run() {
	n := flag.Int("n", 10, "how many mirrors")
	flag.Parse()

	logs := make(chan string)
	go func() {
		for msg := range logs {
			_ = msg
		}
	}()

	quit := make(chan bool)
	ticks := make(chan int)
	go func() {
		select {
		case <-quit:
		case <-ticks:
		}
	}()

	results := make(chan string)
	for i := range *n {
		go func() {
			overlap.Work()
			results <- fmt.Sprintf("mirror %d", i)
		}()
	}
	first := <-results
	logs <- first
	fmt.Println("got an answer from the fastest mirror")
}
