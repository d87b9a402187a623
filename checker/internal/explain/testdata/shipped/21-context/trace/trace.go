// Command trace finds which server of a cluster served a request. It follows
// the live logs of all the servers at once, one goroutine per log, and
// reports the first line that mentions the request.
//
// Run it: go run ./labs/21-context/trace -servers 4 -request 42 -seed 42
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
)

// A hit is a log line that mentions the request.
type hit struct {
	server int
	line   int // counting from 1
	text   string
}

func run() {
	servers := flag.Int("servers", 4, "how many servers the cluster has")
	request := flag.Int("request", 42, "the number of the request to look for (the logs hold request -seed)")
	seed := flag.Int("seed", 42, "seed for the servers' logs")
	flag.Parse()
	if *servers < 1 {
		fmt.Fprintln(os.Stderr, "trace: -servers must be at least 1")
		return
	}
	want := requestID(*request)

	// TODO: main returns as soon as one follower has found the request, but
	// nobody tells the other followers, or the tails they read from, to stop:
	// they wait for new log lines forever. Make a context that main cancels
	// when it is done, give it to tail, and make every follower stop when it
	// is cancelled (a follower blocked on a receive must notice it too).
	ctx := context.Background()

	found := make(chan hit)
	for _, log := range clusterLogs(*servers, *seed) {
		lines := log.tail(ctx)
		go func() { // one follower per server
			n := 0
			for text := range lines {
				n++
				if strings.Contains(text, want) {
					found <- hit{server: log.server, line: n, text: text}
					return
				}
			}
		}()
	}

	h := <-found
	fmt.Printf("%s was served by server %d (line %d)\n", want, h.server, h.line)
	fmt.Println(h.text)
}
