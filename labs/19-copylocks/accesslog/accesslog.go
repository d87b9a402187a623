// Do not edit: part of the lab's fixture.

// Package accesslog makes up the access logs of a web server, where
// command logstats counts requests by status code. The program and the
// lab's tests both take the logs from here, so the tests know every count
// without trusting the program.
package accesslog

import (
	"fmt"
	"math/rand/v2"
)

// A Request is one line of an access log.
type Request struct {
	Path   string
	Status int // the HTTP status code the server answered with
}

func (r Request) String() string { return fmt.Sprintf("GET %s %d", r.Path, r.Status) }

// statuses are the status codes a log holds, most of them 200.
var statuses = []int{200, 200, 200, 200, 200, 200, 301, 304, 304, 404, 404, 500}

var paths = []string{"/", "/cart", "/login", "/search", "/checkout", "/help", "/img/logo.png"}

// Read returns the requests of log number log (from 0) of the server that
// seed picks: from 40 to 119 of them.
func Read(seed, log int) []Request {
	r := rand.New(rand.NewPCG(uint64(seed), uint64(log)))
	reqs := make([]Request, 40+r.IntN(80))
	for i := range reqs {
		reqs[i] = Request{Path: paths[r.IntN(len(paths))], Status: statuses[r.IntN(len(statuses))]}
	}
	return reqs
}
