// Do not edit: part of the lab's fixture.

package main

import (
	"fmt"

	"github.com/racelab/racelab/labs/internal/overlap"
)

type servers struct{}

// ping asks server i whether it is up: the slow step.
func (s *servers) ping(i int) int {
	overlap.Work()
	return i
}

func (s *servers) print(a int) { fmt.Println("server", a, "is up") }
