// Command pinger asks n servers whether they are up and shows each answer.
//
// A throwaway copy of lab 01 as shipped (no goroutine at all; the slow
// step is in a fixture file), used to capture its not-concurrent report
// for checker/internal/explain.
package main

import "flag"

func run() {
	n := flag.Int("n", 8, "how many servers to ask")
	flag.Parse()

	s := &servers{}
	for i := range *n {
		s.print(s.ping(i))
	}
}
