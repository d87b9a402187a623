// Each goroutine prints its own answer and main sleeps a second instead of waiting for them.
// want: wrong-fix
//
// Command pinger asks n servers whether they are up and shows each answer,
// then draws a timeline of when each server was asked and answered.
//
// Run it: go run ./labs/01-seq-par-concurrent/pinger -n 8 -seed 3
package main

import (
	"flag"
	"time"
)

func run() {
	n := flag.Int("n", 8, "how many servers to ask")
	seed := flag.Int("seed", 1, "picks how fast each server answers")
	flag.Parse()

	servers := newServers(*n, *seed)

	for i := range *n {
		go func() {
			a := servers.ping(i)
			servers.print(a)
		}()
	}
	time.Sleep(time.Second)

	servers.timeline()
}
