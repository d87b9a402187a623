package lab_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/racelab/racelab/labs/25-deadlock/ledger"
	"github.com/racelab/racelab/labs/internal/judge"
)

// wantBank computes what a correct bank prints for: ACCOUNTS SEED. Every
// account pays the next one in the circle; no money appears or disappears.
func wantBank(args []string) (string, error) {
	if len(args) != 2 {
		return "", fmt.Errorf("usage: want bank ACCOUNTS SEED")
	}
	n, err := strconv.Atoi(args[0])
	if err != nil {
		return "", err
	}
	seed, err := strconv.Atoi(args[1])
	if err != nil {
		return "", err
	}
	balance := make([]int, n)
	total := 0
	for i := range n {
		balance[i] = ledger.OpeningBalance(seed, i)
		total += balance[i]
	}
	for i := range n {
		amount := ledger.Amount(seed, i)
		balance[i] -= amount
		balance[(i+1)%n] += amount
	}
	var b strings.Builder
	for i, v := range balance {
		fmt.Fprintf(&b, "account %d: %d\n", i, v)
	}
	fmt.Fprintf(&b, "total before: %d\ntotal after: %d\n", total, total)
	return b.String(), nil
}

func TestLab(t *testing.T) {
	judge.Run(t, judge.Want("bank", wantBank))
}
