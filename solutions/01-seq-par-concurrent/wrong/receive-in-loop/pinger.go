// Starts a goroutine and receives its answer in the same loop turn: each server is still asked only after the last one answered.
// want: not-concurrent
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

	answers := make(chan answer)
	for i := range *n {
		go func() {
			answers <- servers.ping(i)
		}()
		servers.print(<-answers)
	}

	servers.timeline()
}
