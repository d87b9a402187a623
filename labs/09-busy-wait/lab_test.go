package lab_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/racelab/racelab/labs/09-busy-wait/catalog"
	"github.com/racelab/racelab/labs/internal/judge"
)

// wantWarmup computes what a correct program prints for: REQUESTS SEED.
func wantWarmup(args []string) (string, error) {
	if len(args) != 2 {
		return "", fmt.Errorf("usage: want warmup REQUESTS SEED")
	}
	requests, err := strconv.Atoi(args[0])
	if err != nil {
		return "", err
	}
	seed, err := strconv.Atoi(args[1])
	if err != nil {
		return "", err
	}
	total := 0
	for i := range requests {
		total += catalog.Price(seed, catalog.Item(seed, i))
	}
	return fmt.Sprintf("answered %d requests, total %d cents", requests, total), nil
}

func TestLab(t *testing.T) {
	judge.Run(t, judge.Want("warmup", wantWarmup))
}
