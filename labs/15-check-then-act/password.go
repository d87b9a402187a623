// Do not edit: part of the lab's fixture.

package main

import (
	"fmt"
	"hash/fnv"

	"github.com/racelab/racelab/labs/internal/overlap"
)

// hashPassword turns a password into the hash the registry stores. A real
// password hash (bcrypt, argon2) is slow on purpose, to slow down attackers;
// under the lab's tests this one waits for the other signups to catch up
// (overlap.Window), so that a gap left between a check and its act shows
// every time instead of once in a while.
func hashPassword(password string) string {
	overlap.Window()
	h := fnv.New64a()
	h.Write([]byte(password))
	return fmt.Sprintf("%016x", h.Sum64())
}
