//go:build race

package overlap

import (
	"runtime"
	"time"
)

// hideSync makes the race detector ignore the synchronisation the calling
// goroutine does until showSync: the lock and channel that line callers up
// in Work, Window and Reader. They stand for a network call, which orders
// nothing between goroutines; seen, they would order every access before
// them before every access after them, in every caller, and hide a race a
// student placed across them (an err copied before an upload, written by
// main after its own). The scheduling is the same as with them seen: the
// callers still block on the same lock and channel.
//
// The functions that hold the counts those waits guard are marked
// //go:norace: the race detector would otherwise see the counts touched by
// goroutines it no longer knows to be ordered.
func hideSync() { runtime.RaceDisable() }

func init() {
	// The first timer a process makes reads a GODEBUG setting once, and
	// every later timer acquires what that first maker released: were the
	// first made in Work, the first caller's accesses would be ordered
	// before every later caller's, and a race across Work hidden again.
	// Made here, the release is the package's initialisation, which comes
	// before every goroutine anyway.
	time.NewTimer(time.Hour).Stop()
}

func showSync() { runtime.RaceEnable() }
