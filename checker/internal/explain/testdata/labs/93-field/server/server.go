// Command server counts the requests it serves, one goroutine per request.
//
// A throwaway lab used to capture race reports for checker/internal/explain.
package main

import (
	"flag"
	"fmt"

	"github.com/racelab/racelab/labs/internal/overlap"
)

type Server struct {
	name     string
	requests int
	done     chan bool
}

func run() {
	n := flag.Int("n", 10, "how many requests")
	flag.Parse()

	s := &Server{name: "api", done: make(chan bool)}
	for range *n {
		go func() {
			overlap.Work()
			s.requests++
			s.done <- true
		}()
	}
	for range *n {
		<-s.done
	}
	fmt.Printf("%s served %d requests\n", s.name, s.requests)
}
