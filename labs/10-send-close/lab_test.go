package lab_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/racelab/racelab/labs/10-send-close/market"
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
	count, best, total := 0, 0, 0
	for s := range suppliers {
		q, ok := market.Quote(seed, s)
		if !ok {
			continue
		}
		if count == 0 || q < best {
			best = q
		}
		count++
		total += q
	}
	return fmt.Sprintf("%d quotes from %d suppliers, best %d, average %d", count, suppliers, best, total/max(count, 1)), nil
}

func TestLab(t *testing.T) {
	judge.Run(t, judge.Want("quotes", wantQuotes))
}
