package lab_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/racelab/racelab/labs/internal/judge"
)

// wantShop computes what a correct shop prints for: ORDERS NEW SEED.
func wantShop(args []string) (string, error) {
	if len(args) != 3 {
		return "", fmt.Errorf("usage: want shop ORDERS NEW SEED")
	}
	var n [3]int
	for i, a := range args {
		v, err := strconv.Atoi(a)
		if err != nil {
			return "", err
		}
		n[i] = v
	}
	orders, added, seed := n[0], n[1], n[2]
	prices := map[string]int{
		"apple": 120, "bread": 250, "cheese": 480, "dates": 310,
		"eggs": 199, "flour": 95, "grapes": 275, "honey": 560,
	}
	names := []string{"apple", "bread", "cheese", "dates", "eggs", "flour", "grapes", "honey"}
	sum := 0
	for i := range orders {
		sum += (1 + (seed/7+i)%5) * prices[names[(seed+i)%len(names)]]
	}
	return fmt.Sprintf("%d orders, total %d cents\ncatalogue: %d products", orders, sum, len(prices)+added), nil
}

func TestLab(t *testing.T) {
	judge.Run(t, judge.Want("shop", wantShop))
}
