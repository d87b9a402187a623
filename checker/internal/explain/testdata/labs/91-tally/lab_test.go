package main

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/racelab/racelab/labs/internal/harness"
)

func TestMain(m *testing.M) { harness.Main(m, "tally", main) }

func TestLab(t *testing.T) {
	harness.Run(t, harness.Want("tally", func(args []string) (string, error) {
		n, err := strconv.Atoi(args[0])
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("boxes=%d votes=%d ballots=%d", n, n*(n-1)/2, n), nil
	}))
}
