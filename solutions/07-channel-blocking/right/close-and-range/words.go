// Closes the channel from a goroutine once a WaitGroup says every count is sent; main ranges over it.
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
	"sync"

	"github.com/racelab/racelab/labs/07-channel-blocking/corpus"
)

func run() {
	n := flag.Int("n", 10, "how many documents to count")
	seed := flag.Int("seed", 1, "picks the documents (the same seed, the same documents)")
	flag.Parse()

	counts := make(chan int)
	var wg sync.WaitGroup
	for i := range *n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			counts <- countWords(corpus.Document(*seed, i))
		}()
	}
	go func() {
		wg.Wait()
		close(counts)
	}()
	total := 0
	for c := range counts {
		total += c
	}

	fmt.Printf("%d documents, %d words\n", *n, total)
}
