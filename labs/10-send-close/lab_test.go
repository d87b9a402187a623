package lab_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/racelab/racelab/labs/internal/judge"
)

// wantQuotes computes what a correct program prints for: SUPPLIERS SEED.
func wantQuotes(args []string) (string, error) {
	if len(args) != 2 {
		return "", fmt.Errorf("usage: want quotes SUPPLIERS SEED")
	}
	suppliers, err := strconv.Atoi(args[0])
	if err != nil {
		return "", err
	}
	seed, err := strconv.Atoi(args[1])
	if err != nil {
		return "", err
	}
	best, total := 0, 0
	for s := range suppliers {
		q := 1000 + (seed*7+s*389)%5000
		if s == 0 || q < best {
			best = q
		}
		total += q
	}
	return fmt.Sprintf("%d quotes, best %d, average %d", suppliers, best, total/max(suppliers, 1)), nil
}

func TestLab(t *testing.T) {
	judge.Run(t, judge.Want("quotes", wantQuotes))
}
