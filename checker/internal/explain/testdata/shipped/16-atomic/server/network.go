// Do not edit: part of the lab's fixture.

package main

import "github.com/racelab/racelab/labs/internal/overlap"

// accept is slow on purpose: think of it as a client connecting over the
// network. Each handler serves one connection, and under the lab's tests
// every handler's client connects at the same time.
func accept() {
	overlap.Work()
}

// respond answers request r on handler h and returns the size of the
// response in bytes.
func respond(seed, h, r int) int {
	return 200 + (seed+31*h+7*r)%800
}
