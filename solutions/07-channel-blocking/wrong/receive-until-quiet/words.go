// Receives counts until none has come for a second, instead of receiving exactly n: a guess about time; a document slower than that is lost and its goroutine is stuck on its send.
// want: wrong-fix
// Command words counts the words in a batch of documents, one goroutine per
// document, and prints the total. countWords (in fetch.go) fetches a
// document from another server first, which is slow.
//
// Run it: go run ./labs/07-channel-blocking/words -n 10 -seed 42
package main

import (
	"flag"
	"fmt"
	"time"

	"github.com/racelab/racelab/labs/07-channel-blocking/corpus"
)

func run() {
	n := flag.Int("n", 10, "how many documents to count")
	seed := flag.Int("seed", 1, "picks the documents (the same seed, the same documents)")
	flag.Parse()

	counts := make(chan int)
	for i := range *n {
		go func() {
			counts <- countWords(corpus.Document(*seed, i))
		}()
	}
	total := 0
loop:
	for {
		select {
		case c := <-counts:
			total += c
		case <-time.After(time.Second): // no count for a second: they are all in
			break loop
		}
	}

	fmt.Printf("%d documents, %d words\n", *n, total)
}
