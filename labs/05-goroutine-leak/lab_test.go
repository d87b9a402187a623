package lab_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/racelab/racelab/labs/05-goroutine-leak/registry"
	"github.com/racelab/racelab/labs/internal/judge"
)

func TestLab(t *testing.T) {
	// want mirrors LOOKUPS SEED: one line per lookup, the package and its
	// latest version, whichever mirror answered first.
	judge.Run(t, judge.Want("mirrors", func(args []string) (string, error) {
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
			pkg := registry.PackageName(seed, i)
			lines = append(lines, pkg+" "+registry.LatestVersion(pkg))
		}
		return strings.Join(lines, "\n"), nil
	}))
}
