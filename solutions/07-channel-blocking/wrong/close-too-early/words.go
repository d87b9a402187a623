// Closes the channel right after starting the goroutines so that the range ends: their sends then hit a closed channel.
// want: race, crash
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
	close(counts)
	total := 0
	for c := range counts {
		total += c
	}

	fmt.Printf("%d documents, %d words\n", *n, total)
}
