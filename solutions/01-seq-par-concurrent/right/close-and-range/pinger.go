// A WaitGroup closes the channel once every server has answered; main ranges over it and prints each answer as it comes.
// want: pass
//
// Command pinger asks n servers whether they are up and shows each answer,
// then draws a timeline of when each server was asked and answered.
//
// Run it: go run ./labs/01-seq-par-concurrent/pinger -n 8 -seed 3
package main

import (
	"flag"
	"sync"
)

func run() {
	n := flag.Int("n", 8, "how many servers to ask")
	seed := flag.Int("seed", 1, "picks how fast each server answers")
	flag.Parse()

	servers := newServers(*n, *seed)

	answers := make(chan answer)
	var wg sync.WaitGroup
	for i := range *n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			answers <- servers.ping(i)
		}()
	}
	go func() {
		wg.Wait()
		close(answers)
	}()
	for a := range answers {
		servers.print(a)
	}

	servers.timeline()
}
