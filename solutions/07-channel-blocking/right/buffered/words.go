// Gives the channel room for all n counts: no goroutine waits for main, which still receives exactly n.
// want: pass
//
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

	counts := make(chan int, *n)
	for i := range *n {
		go func() {
			counts <- countWords(corpus.Document(*seed, i))
		}()
	}
	total := 0
	for range *n {
		total += <-counts
	}

	fmt.Printf("%d documents, %d words\n", *n, total)
}
