package lab_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/racelab/racelab/labs/04-select/sensor"
	"github.com/racelab/racelab/labs/internal/judge"
)

func TestLab(t *testing.T) {
	// want thermo K SEED: the average of the first K readings.
	judge.Run(t, judge.Want("thermo", func(args []string) (string, error) {
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
			sum += sensor.Reading(seed, i)
		}
		avg := (sum + k/2) / k
		return fmt.Sprintf("average: %d.%d C (readings: %d)", avg/10, avg%10, k), nil
	}))
}
