package lab_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/racelab/racelab/labs/22-deadline/release"
	"github.com/racelab/racelab/labs/internal/judge"
)

// wantRollout computes what a correct rollout prints for: SERVICES SEED.
// Every service that comes up is reported ready; every one that never does
// is given up on at its deadline.
func wantRollout(args []string) (string, error) {
	if len(args) != 2 {
		return "", fmt.Errorf("usage: want rollout SERVICES SEED")
	}
	services, err := strconv.Atoi(args[0])
	if err != nil {
		return "", err
	}
	seed, err := strconv.Atoi(args[1])
	if err != nil {
		return "", err
	}
	var b strings.Builder
	ready := 0
	for i := range services {
		if release.Stuck(seed, i) {
			fmt.Fprintf(&b, "%s: context deadline exceeded\n", release.Name(i))
			continue
		}
		ready++
		fmt.Fprintf(&b, "%s: ready\n", release.Name(i))
	}
	fmt.Fprintf(&b, "ready: %d of %d\n", ready, services)
	return b.String(), nil
}

func TestLab(t *testing.T) {
	judge.Run(t, judge.Want("rollout", wantRollout))
}
