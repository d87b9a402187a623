package lab_test

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/racelab/racelab/labs/01-seq-par-concurrent/network"
	"github.com/racelab/racelab/labs/internal/judge"
)

func TestLab(t *testing.T) {
	// want pinger N SEED: the N answers, fastest first (the order in which
	// they arrive when every server is asked at once).
	judge.Run(t, judge.Want("pinger", func(args []string) (string, error) {
		if len(args) != 2 {
			return "", fmt.Errorf("usage: want pinger N SEED")
		}
		n, err := strconv.Atoi(args[0])
		if err != nil {
			return "", err
		}
		seed, err := strconv.Atoi(args[1])
		if err != nil {
			return "", err
		}
		ms := network.Latencies(n, seed)
		order := make([]int, n)
		for i := range order {
			order[i] = i
		}
		slices.SortFunc(order, func(a, b int) int { return ms[a] - ms[b] })
		var b strings.Builder
		for _, i := range order {
			fmt.Fprintf(&b, "server %d answered after %dms\n", i, ms[i])
		}
		return b.String(), nil
	}))
}
