// Collects every answer, sorts them by latency and only then prints: the order is right, but no answer is shown when it arrives.
// want: wrong-output
//
// Command pinger asks n servers whether they are up and shows each answer,
// then draws a timeline of when each server was asked and answered.
//
// Run it: go run ./labs/01-seq-par-concurrent/pinger -n 8 -seed 3
package main

import (
	"flag"
	"slices"
)

func run() {
	n := flag.Int("n", 8, "how many servers to ask")
	seed := flag.Int("seed", 1, "picks how fast each server answers")
	flag.Parse()

	servers := newServers(*n, *seed)

	answers := make(chan answer)
	for i := range *n {
		go func() {
			answers <- servers.ping(i)
		}()
	}
	var all []answer
	for range *n {
		all = append(all, <-answers)
	}
	slices.SortFunc(all, func(a, b answer) int { return a.millis - b.millis })
	for _, a := range all {
		servers.print(a)
	}

	servers.timeline()
}
