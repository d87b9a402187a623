package main

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/racelab/racelab/labs/internal/harness"
)

func TestMain(m *testing.M) { harness.Main(m, "mirrors", main) }

func TestLab(t *testing.T) {
	// want mirrors LOOKUPS SEED: one line per lookup, the package and its
	// latest version, whichever mirror answered first.
	harness.Run(t, harness.Want("mirrors", func(args []string) (string, error) {
		if len(args) != 2 {
			return "", fmt.Errorf("usage: want mirrors LOOKUPS SEED")
		}
		lookups, err := strconv.Atoi(args[0])
		if err != nil {
			return "", err
		}
		seed, err := strconv.Atoi(args[1])
		if err != nil {
			return "", err
		}
		var lines []string
		for i := range lookups {
			pkg := packageName(seed, i)
			lines = append(lines, pkg+" "+latestVersion(pkg))
		}
		return strings.Join(lines, "\n"), nil
	}))
}
