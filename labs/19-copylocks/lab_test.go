package lab_test

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/racelab/racelab/labs/19-copylocks/accesslog"
	"github.com/racelab/racelab/labs/internal/judge"
)

// wantStats computes what a correct logstats prints for: LOGS SEED. It
// counts the same logs, one after another, with no goroutines at all.
func wantStats(args []string) (string, error) {
	if len(args) != 2 {
		return "", fmt.Errorf("usage: want logstats LOGS SEED")
	}
	logs, err := strconv.Atoi(args[0])
	if err != nil {
		return "", err
	}
	seed, err := strconv.Atoi(args[1])
	if err != nil {
		return "", err
	}
	counts := map[int]int{}
	total := 0
	for log := range logs {
		for _, req := range accesslog.Read(seed, log) {
			counts[req.Status]++
			total++
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "requests: %d in %d logs\n", total, logs)
	for _, code := range slices.Sorted(maps.Keys(counts)) {
		fmt.Fprintf(&b, "%d: %d\n", code, counts[code])
	}
	return b.String(), nil
}

func TestLab(t *testing.T) {
	judge.Run(t, judge.Want("logstats", wantStats))
}
