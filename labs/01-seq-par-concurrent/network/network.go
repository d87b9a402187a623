// Do not edit: part of the lab's fixture.

// Package network says how fast each of the servers that command pinger
// asks answers. The program and the lab's tests both take the latencies
// from here, so the tests know the order in which the answers arrive
// without trusting the program.
package network

import (
	"math/rand/v2"
	"slices"
	"time"
)

// unit is how long one step of a server's latency lasts when the program is
// run by hand.
const unit = 10 * time.Millisecond

// Latencies returns how many milliseconds each of n servers takes to answer:
// 10, 20, ..., n*10 in an order picked by seed. The servers never finish in
// the order they were asked (server 0 first) unless there is only one.
func Latencies(n, seed int) []int {
	r := rand.New(rand.NewPCG(uint64(seed), uint64(n)))
	steps := r.Perm(n)
	if n > 1 && slices.IsSorted(steps) {
		slices.Reverse(steps)
	}
	ms := make([]int, n)
	for i, s := range steps {
		ms[i] = (s + 1) * int(unit/time.Millisecond)
	}
	return ms
}
