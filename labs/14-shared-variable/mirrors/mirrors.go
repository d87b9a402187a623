// Do not edit: part of the lab's fixture.

// Package mirrors is the set of backup mirrors that command backup copies
// the report to: which of them are down on the day that seed picks. The
// program and the lab's tests both take it from here, so the tests know what
// happened to every copy without trusting the program.
package mirrors

import "errors"

// ErrDown is what an upload to a mirror that is down returns.
var ErrDown = errors.New("connection refused")

// Down reports whether mirror m (m >= 1) is down on the day that seed
// picks: every third mirror, starting from one that seed picks, so that
// among three or more mirrors some are up and some are down.
func Down(seed, m int) bool {
	return (m+seed)%3 == 0
}
