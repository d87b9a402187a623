package lab_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/racelab/racelab/labs/11-wg-add/catalog"
	"github.com/racelab/racelab/labs/internal/judge"
)

func TestLab(t *testing.T) {
	judge.Run(t, judge.Want("checkout", wantReceipt))
}

// wantReceipt computes the receipt a correct till prints for
// "want checkout ITEMS SEED": every item of the cart with its price, in the
// cart's order, and the total.
func wantReceipt(args []string) (string, error) {
	if len(args) != 2 {
		return "", fmt.Errorf("want checkout ITEMS SEED: got %d arguments", len(args))
	}
	items, err := strconv.Atoi(args[0])
	if err != nil {
		return "", fmt.Errorf("want checkout ITEMS SEED: %w", err)
	}
	seed, err := strconv.Atoi(args[1])
	if err != nil {
		return "", fmt.Errorf("want checkout ITEMS SEED: %w", err)
	}
	var b strings.Builder
	total := 0
	for _, item := range catalog.Cart(seed, items) {
		p := catalog.Price(item)
		total += p
		fmt.Fprintf(&b, "%-16s %10s\n", item, rupiah(p))
	}
	fmt.Fprintf(&b, "%-16s %10s\n", "TOTAL", rupiah(total))
	return b.String(), nil
}

// rupiah formats an amount of rupiah the Indonesian way: Rp12.500.
func rupiah(amount int) string {
	s := strconv.Itoa(amount)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return "Rp" + s
}
