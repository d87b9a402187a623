// Command wordcount counts the words of a batch of documents with a fixed
// pool of workers. A feeder goroutine puts the document numbers on the jobs
// channel; each worker takes documents from it, counts their words and sends
// the count on the results channel; main adds the results up.
//
// Run it: go run ./labs/17-worker-pool/wordcount -docs 20 -workers 4 -seed 7
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"sync"

	"github.com/racelab/racelab/labs/17-worker-pool/corpus"
	"github.com/racelab/racelab/labs/internal/overlap"
)

// A result is the word count of one document.
type result struct {
	doc   int
	words int
}

func run() {
	docs := flag.Int("docs", 20, "how many documents to count")
	workers := flag.Int("workers", 4, "how many workers in the pool")
	seed := flag.Int("seed", 1, "seed for the documents' text")
	flag.Parse()
	if *docs < 1 || *workers < 1 {
		fmt.Fprintln(os.Stderr, "wordcount: -docs and -workers must be at least 1")
		return
	}

	jobs := make(chan int)
	results := make(chan result)

	// The pool: a fixed number of workers, however many documents there are.
	var wg sync.WaitGroup
	for range *workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for doc := range jobs {
				results <- result{doc: doc, words: countWords(*seed, doc)}
			}
		}()
	}

	// The feeder hands out the jobs, then closes jobs so the workers'
	// range loops end.
	go func() {
		for doc := range *docs {
			jobs <- doc
		}
		close(jobs)
	}()

	go func() { // fix: wait for the workers in a goroutine of its own, so main can read meanwhile
		wg.Wait()      // fix: every worker has sent its last result...
		close(results) // fix: ...so nobody sends on results any more: close it to end main's range
	}() // fix: main goes straight on to receive the results

	received, total := 0, 0
	longest := result{doc: -1}
	for r := range results {
		received++
		total += r.words
		if r.words > longest.words || (r.words == longest.words && r.doc < longest.doc) {
			longest = r
		}
	}
	fmt.Printf("documents: %d\n", received)
	fmt.Printf("words: %d\n", total)
	fmt.Printf("longest: document %d (%d words)\n", longest.doc, longest.words)
}

// countWords reads document doc and counts its words. Reading is slow on
// purpose: think of fetching the document from disk or from another server.
func countWords(seed, doc int) int {
	overlap.Work()
	return len(strings.Fields(corpus.Document(seed, doc)))
}
