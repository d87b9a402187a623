// Do not edit: part of the lab's fixture.

package main

import (
	"context"
	"sync"

	"github.com/racelab/racelab/labs/21-context/cluster"
	"github.com/racelab/racelab/labs/internal/overlap"
)

// A serverLog is the log of one server of a cluster.
type serverLog struct {
	server  int // which server, from 0
	servers int // how many servers the cluster has
	seed    int
}

// clusterLogs returns the logs of the servers of a cluster.
func clusterLogs(servers, seed int) []serverLog {
	logs := make([]serverLog, servers)
	for s := range logs {
		logs[s] = serverLog{server: s, servers: servers, seed: seed}
	}
	return logs
}

// tail follows the live log, like `tail -f`: it sends the lines already
// written, one at a time (each one is slow to arrive), and then waits for new
// lines, which in this lab never come. A live log has no end, so tail never
// closes the channel it returns.
//
// tail stops, and stops sending, as soon as ctx is cancelled. That is the
// only way to make it stop. Look at how it does it: with select.
func (l serverLog) tail(ctx context.Context) <-chan string {
	lines := make(chan string)
	go func() {
		for i := range l.length() {
			if i == 0 {
				firstLines.Do(overlap.Settle) // under the tests: the readers wait for it
			} else {
				// The next line takes a while to arrive. Under the tests,
				// it comes only once every log's first line was taken:
				// the followers all wait at once.
				overlap.Work()
			}
			select {
			case lines <- l.line(i):
			case <-ctx.Done():
				return
			}
		}
		<-ctx.Done() // no new lines yet: keep waiting until the reader goes away
	}()
	return lines
}

// firstLines is the moment the first lines of the logs arrive. Under the
// lab's tests, the logs hold them back until every reader waits for them,
// and a reader that keeps running instead of waiting is reported: it spins.
var firstLines sync.Once

// length is how many lines the log holds so far.
func (l serverLog) length() int {
	return cluster.Length(l.server, l.seed)
}

// requestID names a request the way the logs write it.
func requestID(n int) string {
	return cluster.RequestID(n)
}

// line returns line i of the log, counting from 0. Request number seed was
// served by exactly one server of the cluster, and is one line of its log
// (cluster.Served says which); every other line is another request.
func (l serverLog) line(i int) string {
	return cluster.Line(l.server, l.servers, l.seed, i)
}
