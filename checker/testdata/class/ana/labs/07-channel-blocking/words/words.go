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

	counts := make(chan int) // fix: each goroutine hands its count to main here
	for i := range *n {
		go func() {
			counts <- countWords(corpus.Document(*seed, i)) // fix: send the count; never touch total
		}()
	}
	total := 0     // fix: only main touches total now
	for range *n { // fix: one receive per goroutine started
		total += <-counts // fix: blocks until some goroutine has sent its count
	}

	fmt.Printf("%d documents, %d words\n", *n, total)
}
