package main

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/racelab/racelab/labs/internal/harness"
)

func TestMain(m *testing.M) { harness.Main(m, "logs", main) }

// wantLogs computes what a correct logs prints for: LINES LEVEL SEED. Line
// i of the log has level (seed + i*i + i/3) % 4 (DEBUG, INFO, WARN, ERROR).
func wantLogs(args []string) (string, error) {
	if len(args) != 3 {
		return "", fmt.Errorf("usage: want logs LINES LEVEL SEED")
	}
	n, err := strconv.Atoi(args[0])
	if err != nil {
		return "", err
	}
	names := []string{"DEBUG", "INFO", "WARN", "ERROR"}
	least := -1
	for i, name := range names {
		if name == args[1] {
			least = i
		}
	}
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
		if l := (seed + i*i + i/3) % len(names); l >= least {
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
	harness.Run(t, harness.Want("logs", wantLogs))
}
