// Package unseen keeps racelab's own work inside a lab program out of what
// the race detector knows of the student's code: its synchronisation (Hide,
// Show) and its memory accesses (Do).
//
// The race detector remembers only so much of each goroutine's past. Once
// a goroutine has made a few tens of thousands of memory accesses since an
// access, a race with that access is no longer reported at all: the
// detector can no longer show where it happened, and drops it. racelab's
// checks make that many easily: the leak check parses every goroutine's
// stack again and again while it waits for stragglers, and a window takes a
// goroutine dump every half millisecond while it waits for its callers.
// Made on a goroutine of the student's program, they would push its last
// accesses out of that memory, and a race between one of them and a later
// write would go unreported (a run of main's read against a straggler's
// write did, once in a hundred runs). Made on a goroutine of their own, by
// Do, they fill only the memory of a goroutine nobody races with.
package unseen

import "sync/atomic"

// started counts Do's goroutines. It is the only state of the package, per
// process, as every lab program is its own process.
var started atomic.Uint64

// Do runs f on a goroutine of its own and returns what f returned.
//
// Call it with synchronisation shown (not between Hide and Show): the
// helper must start knowing what its caller knows, or its reads of what
// anyone wrote before, package initialisation included, are reported as
// races. It synchronises with no one else (f must not), so its caller, which
// takes the result back over a channel the race detector sees, learns
// nothing from it that it did not know.
func Do[T any](f func() T) T {
	Hide()
	started.Add(1)
	Show()
	out := make(chan T)
	go aside(f, out)
	return <-out
}

// aside is the helper goroutine's function: Frame names it in a goroutine
// dump.
func aside[T any](f func() T, out chan<- T) { out <- f() }

// Frame is how the helper's function appears in a goroutine dump
// (runtime.Stack): a goroutine with it is racelab's, not the program's.
const Frame = "labs/internal/unseen.aside["

// Started returns how many goroutines Do has started in this process: not
// the program's own, so they are not counted as the program's.
func Started() uint64 {
	Hide()
	defer Show()
	return started.Load()
}
