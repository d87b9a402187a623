// Receives every answer into a slice first and prints the slice afterwards: answers wait for the slowest server before they are shown.
// want: wrong-output
//
// Command pinger asks n servers whether they are up and shows each answer,
// then draws a timeline of when each server was asked and answered.
//
// Run it: go run ./labs/01-seq-par-concurrent/pinger -n 8 -seed 3
package main

import (
	"flag"
)

func run() {
	n := flag.Int("n", 8, "how many servers to ask")
	seed := flag.Int("seed", 1, "picks how fast each server answers")
	flag.Parse()

	servers := newServers(*n, *seed)

	answers := make(chan answer, *n)
	for i := range *n {
		go func() {
			answers <- servers.ping(i)
		}()
	}
	var all []answer
	for range *n {
		all = append(all, <-answers)
	}
	for _, a := range all {
		servers.print(a)
	}

	servers.timeline()
}
