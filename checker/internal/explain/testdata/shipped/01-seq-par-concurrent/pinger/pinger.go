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

	// TODO: this asks one server, waits for its answer, and only then asks
	// the next one, so the waits add up. Ask every server at once, each in a
	// goroutine of its own, and send its answer over a channel; here, receive
	// the n answers and print each one the moment it arrives.
	for i := range *n {
		a := servers.ping(i)
		servers.print(a)
	}

	servers.timeline()
}
