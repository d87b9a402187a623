package main

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/racelab/racelab/labs/internal/harness"
)

func TestMain(m *testing.M) { harness.Main(m, "thermo", main) }

func TestLab(t *testing.T) {
	// want thermo K SEED: the average of the first K readings.
	harness.Run(t, harness.Want("thermo", func(args []string) (string, error) {
		if len(args) != 2 {
			return "", fmt.Errorf("usage: want thermo K SEED")
		}
		k, err := strconv.Atoi(args[0])
		if err != nil {
			return "", err
		}
		seed, err := strconv.Atoi(args[1])
		if err != nil {
			return "", err
		}
		sum := 0
		for i := range k {
			sum += 150 + (seed*37+i*53)%200
		}
		avg := (sum + k/2) / k
		return fmt.Sprintf("average: %d.%d C (readings: %d)", avg/10, avg%10, k), nil
	}))
}
