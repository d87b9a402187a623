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

	answers := make(chan answer) // fix: each goroutine hands its answer to main here
	for i := range *n {
		go func() { // fix: ask every server at once
			answers <- servers.ping(i) // fix: send the answer the moment it arrives
		}() // fix: end of the goroutine
	}
	for range *n { // fix: one receive per server, in the order the answers arrive
		servers.print(<-answers) // fix: print each answer as soon as it is received
	}

	servers.timeline()
}
