//go:build race

package overlap

import "runtime"

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

func showSync() { runtime.RaceEnable() }
