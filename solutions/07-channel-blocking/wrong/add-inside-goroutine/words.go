// Guards total with a mutex and a WaitGroup, but calls wg.Add inside the goroutine: Wait can return before any Add.
// want: wrong-fix, race
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

	total := 0
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := range *n {
		go func() {
			wg.Add(1)
			defer wg.Done()
			c := countWords(corpus.Document(*seed, i))
			mu.Lock()
			total += c
			mu.Unlock()
		}()
	}
	wg.Wait()

	fmt.Printf("%d documents, %d words\n", *n, total)
}
