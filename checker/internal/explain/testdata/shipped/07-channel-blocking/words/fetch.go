// Do not edit: part of the lab's fixture.

package main

import (
	"strings"

	"github.com/racelab/racelab/labs/internal/overlap"
)

// countWords fetches the document from another server and counts its
// words. The fetch is slow: think of a request over the network. Under the
// lab's tests it returns only once every document is being fetched at the
// same time (overlap.Work), so a program that counts one document after
// another fails.
func countWords(doc string) int {
	overlap.Work()
	return len(strings.Fields(doc))
}
