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

	ctx, cancel := context.WithCancel(context.Background()) // fix: a context main can cancel
	defer cancel()                                          // fix: when main is done, every tail and follower is told to stop

	found := make(chan hit)
	for _, log := range clusterLogs(*servers, *seed) {
		lines := log.tail(ctx)
		go func() { // one follower per server
			n := 0
			for { // fix: lines never closes, so loop until ctx says stop
				select { // fix: wait for a new line or for the cancellation, whichever comes first
				case text := <-lines: // fix: a new line
					n++
					if strings.Contains(text, want) {
						select { // fix: report the hit, unless main has stopped listening
						case found <- hit{server: log.server, line: n, text: text}: // fix: main takes it
						case <-ctx.Done(): // fix: someone else's hit came first: do not block forever
						} // fix: either way, this follower is done
						return
					}
				case <-ctx.Done(): // fix: main is done: stop following this log
					return // fix: the goroutine ends, nothing leaks
				} // fix: end of select
			} // fix: end of the follow loop
		}()
	}

	h := <-found
	fmt.Printf("%s was served by server %d (line %d)\n", want, h.server, h.line)
	fmt.Println(h.text)
}
