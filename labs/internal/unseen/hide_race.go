//go:build race

package unseen

import (
	"runtime"
	"time"
)

// Hide makes the race detector ignore the synchronisation the calling
// goroutine does until Show: the lock and channel that line callers up in
// overlap.Work, Window and Reader. They stand for a network call, which
// orders nothing between goroutines; seen, they would order every access
// before them before every access after them, in every caller, and hide a
// race a student placed across them (an err copied before an upload,
// written by main after its own). The scheduling is the same as with them
// seen: the callers still block on the same lock and channel.
//
// Functions that touch what such waits guard are marked //go:norace: the
// race detector would otherwise see it touched by goroutines it no longer
// knows to be ordered.
func Hide() { runtime.RaceDisable() }

// Show ends what Hide began.
func Show() { runtime.RaceEnable() }

func init() {
	// The first timer a process makes reads a GODEBUG setting once, and
	// every later timer acquires what that first maker released: were the
	// first made in overlap.Work, the first caller's accesses would be
	// ordered before every later caller's, and a race across Work hidden
	// again. Made here, the release is the package's initialisation, which
	// comes before every goroutine anyway.
	time.NewTimer(time.Hour).Stop()
}
