package lab_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/racelab/racelab/labs/20-bounded-pool/catalog"
	"github.com/racelab/racelab/labs/internal/judge"
)

// wantQuote computes what a correct quote prints:
//
//	want quote total ITEMS SEED: the basket's total, every price in it;
//	want quote outage: the supplier's first error, the 503 of its breakdown.
func wantQuote(args []string) (string, error) {
	if len(args) == 1 && args[0] == "outage" {
		return "quote failed: supplier: 503 service unavailable", nil
	}
	if len(args) != 3 || args[0] != "total" {
		return "", fmt.Errorf("usage: want quote total ITEMS SEED | want quote outage")
	}
	items, err := strconv.Atoi(args[1])
	if err != nil {
		return "", err
	}
	seed, err := strconv.Atoi(args[2])
	if err != nil {
		return "", err
	}
	basket := catalog.Basket(seed, items)
	return fmt.Sprintf("quote for %d items: %s", items, catalog.Money(catalog.Total(seed, basket))), nil
}

func TestLab(t *testing.T) {
	judge.Run(t, judge.Want("quote", wantQuote))
}
