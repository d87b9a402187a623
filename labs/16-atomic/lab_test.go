package lab_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/racelab/racelab/labs/internal/judge"
)

// wantServer computes what a correct server prints for: HANDLERS REQUESTS SEED.
func wantServer(args []string) (string, error) {
	if len(args) != 3 {
		return "", fmt.Errorf("usage: want server HANDLERS REQUESTS SEED")
	}
	var n [3]int
	for i, a := range args {
		v, err := strconv.Atoi(a)
		if err != nil {
			return "", err
		}
		n[i] = v
	}
	handlers, requests, seed := n[0], n[1], n[2]
	bytes := 0
	for h := range handlers {
		for r := range requests {
			bytes += 200 + (seed+31*h+7*r)%800
		}
	}
	return fmt.Sprintf("served %d requests\nsent %d bytes", handlers*requests, bytes), nil
}

func TestLab(t *testing.T) {
	judge.Run(t, judge.Want("server", wantServer))
}
