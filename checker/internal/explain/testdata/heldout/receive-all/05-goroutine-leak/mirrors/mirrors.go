// Receives every answer and returns the first: nobody is left stuck, but fastest waits for the slowest mirror, which is what asking them all was meant to avoid.
// want: deadlock
// Command mirrors looks up the latest version of a few packages. Every
// mirror of the package registry knows the answer, but some are slower than
// others, so for each package the program asks all the mirrors at once and
// takes whichever answer arrives first.
//
// Run it: go run ./labs/05-goroutine-leak/mirrors -mirrors 5 -lookups 3 -seed 42
package main

import (
	"flag"
	"fmt"

	"github.com/racelab/racelab/labs/05-goroutine-leak/registry"
)

func run() {
	mirrors := flag.Int("mirrors", 5, "how many mirrors to ask at once")
	lookups := flag.Int("lookups", 3, "how many packages to look up")
	seed := flag.Int("seed", 1, "picks the packages to look up")
	flag.Parse()

	for i := range *lookups {
		pkg := registry.PackageName(*seed, i)
		fmt.Printf("%s %s\n", pkg, fastest(pkg, *mirrors))
	}
}

// fastest asks every mirror for the latest version of pkg at the same time
// and returns the first answer. dial and ask are in network.go.
func fastest(pkg string, mirrors int) string {
	answers := make(chan string)
	for m := range dial(mirrors) {
		go func() {
			answers <- m.ask(pkg)
		}()
	}
	got := make([]string, 0, mirrors)
	for range mirrors {
		got = append(got, <-answers)
	}
	return got[0]
}
