// Command primes counts the prime numbers in a range. It cuts the range into
// chunks and counts the primes of each chunk, then adds the counts up.
// Counting primes is pure computation (the work is CPU-bound): a chunk never
// waits for anything, it keeps a core busy until it is done.
//
// It also draws a timeline of when each chunk was computing. Compare:
//
//	GOMAXPROCS=1 go run ./labs/02-parallel/primes
//	GOMAXPROCS=2 go run ./labs/02-parallel/primes
package main

import (
	"flag"
	"fmt"
)

func run() {
	start := flag.Int("start", 0, "the first number to look at")
	chunks := flag.Int("chunks", 8, "how many chunks to cut the range into")
	size := flag.Int("size", 1_000_000, "how many numbers each chunk holds")
	flag.Parse()

	job := newJob(*start, *chunks, *size)

	// TODO: this counts one chunk, and only when it is done starts the
	// next, so however many cores the machine has, one of them does all
	// the work. Count every chunk in a goroutine of its own, all at the
	// same time, and add up their counts safely once they are all done.
	total := 0
	for c := range *chunks {
		total += job.count(c)
	}

	fmt.Printf("primes from %d to %d: %d\n", *start, *start+*chunks**size-1, total)
	job.timeline()
}
