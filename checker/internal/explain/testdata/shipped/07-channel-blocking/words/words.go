// Command words counts the words in a batch of documents, one goroutine per
// document, and prints the total. countWords (in fetch.go) fetches a
// document from another server first, which is slow.
//
// Run it: go run ./labs/07-channel-blocking/words -n 10 -seed 42
package main

import (
	"flag"
	"fmt"

	"github.com/racelab/racelab/labs/07-channel-blocking/corpus"
)

func run() {
	n := flag.Int("n", 10, "how many documents to count")
	seed := flag.Int("seed", 1, "picks the documents (the same seed, the same documents)")
	flag.Parse()

	total := 0
	for i := range *n {
		go func() {
			total += countWords(corpus.Document(*seed, i))
		}()
	}
	// TODO: main prints total at once, without waiting for a single
	// goroutine, and the goroutines all write total at the same time. Let
	// each goroutine hand its count back to main through a channel instead,
	// and have main receive the n counts here and add them up.

	fmt.Printf("%d documents, %d words\n", *n, total)
}
