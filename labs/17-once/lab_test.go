package lab_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/racelab/racelab/labs/internal/judge"
)

// wantInvoices computes what a correct program prints for: INVOICES SEED.
func wantInvoices(args []string) (string, error) {
	if len(args) != 2 {
		return "", fmt.Errorf("usage: want invoices INVOICES SEED")
	}
	invoices, err := strconv.Atoi(args[0])
	if err != nil {
		return "", err
	}
	seed, err := strconv.Atoi(args[1])
	if err != nil {
		return "", err
	}
	names := []string{"USD", "EUR", "SGD", "JPY", "MYR"}
	base := []int{16000, 17500, 12000, 105, 3500}
	total := 0
	for i := range invoices {
		c := (seed + i) % len(names)
		rate := base[c] + (seed+c*97)%(base[c]/20+1)
		total += (1 + (seed/3+7*i)%100) * rate
	}
	return fmt.Sprintf("%d invoices, total Rp %d\nrates loaded 1 time(s)", invoices, total), nil
}

func TestLab(t *testing.T) {
	judge.Run(t, judge.Want("invoices", wantInvoices))
}
