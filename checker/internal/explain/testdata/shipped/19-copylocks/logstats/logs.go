// Do not edit: part of the lab's fixture.

package main

import (
	"github.com/racelab/racelab/labs/19-copylocks/accesslog"
	"github.com/racelab/racelab/labs/internal/overlap"
)

// readLog reads access log number log of the server that seed picks. It is
// slow, like reading a big file from disk, so the logs are read at the same
// time, one goroutine each.
func readLog(seed, log int) []accesslog.Request {
	overlap.Work()
	return accesslog.Read(seed, log)
}
