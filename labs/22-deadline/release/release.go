// Do not edit: part of the lab's fixture.

// Package release says which services of a rollout come up and which never
// do. The program and the lab's tests both take it from here, so the tests
// know every service's fate without trusting the program.
package release

import "fmt"

// Name is the name of service number i (from 0).
func Name(i int) string { return fmt.Sprintf("svc-%02d", i) }

// Stuck reports whether service number i of the rollout that seed picks
// never becomes ready: it keeps reporting "starting", forever. In every
// rollout of 4 services or more, at least one is stuck, and most are not.
func Stuck(seed, i int) bool { return (seed+3*i)%4 == 0 }

// Silent reports whether stuck service number i falls silent after its
// first "starting" instead of repeating it. Every second stuck service
// does, so a rollout of 8 services or more has both kinds: a deadline
// must come while messages keep arriving, and while none does.
func Silent(seed, i int) bool { return Stuck(seed, i) && (i/4)%2 == 1 }
