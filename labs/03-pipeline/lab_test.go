package lab_test

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/racelab/racelab/labs/03-pipeline/logfile"
	"github.com/racelab/racelab/labs/internal/judge"
)

// wantLogs computes what a correct logs prints for: LINES LEVEL SEED.
func wantLogs(args []string) (string, error) {
	if len(args) != 3 {
		return "", fmt.Errorf("usage: want logs LINES LEVEL SEED")
	}
	n, err := strconv.Atoi(args[0])
	if err != nil {
		return "", err
	}
	names := logfile.Levels
	least := slices.Index(names, args[1])
	if least < 0 {
		return "", fmt.Errorf("unknown level %q", args[1])
	}
	seed, err := strconv.Atoi(args[2])
	if err != nil {
		return "", err
	}
	counts := make([]int, len(names))
	kept := 0
	for i := range n {
		if l := logfile.Level(seed, i); l >= least {
			counts[l]++
			kept++
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "lines: %d\nkept: %d (level %s and above)\n", n, kept, names[least])
	for l := least; l < len(names); l++ {
		fmt.Fprintf(&b, "%s: %d\n", names[l], counts[l])
	}
	return b.String(), nil
}

func TestLab(t *testing.T) {
	judge.Run(t, judge.Want("logs", wantLogs))
}
