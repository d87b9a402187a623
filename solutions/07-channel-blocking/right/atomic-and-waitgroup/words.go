// Adds each count with an atomic.Int64 and waits with a WaitGroup: right, but no channel.
// want: other-kind
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
	"sync/atomic"

	"github.com/racelab/racelab/labs/07-channel-blocking/corpus"
)

func run() {
	n := flag.Int("n", 10, "how many documents to count")
	seed := flag.Int("seed", 1, "picks the documents (the same seed, the same documents)")
	flag.Parse()

	var total atomic.Int64
	var wg sync.WaitGroup
	for i := range *n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			total.Add(int64(countWords(corpus.Document(*seed, i))))
		}()
	}
	wg.Wait()

	fmt.Printf("%d documents, %d words\n", *n, total.Load())
}
