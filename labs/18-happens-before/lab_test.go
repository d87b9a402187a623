package lab_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/racelab/racelab/labs/18-happens-before/sales"
	"github.com/racelab/racelab/labs/internal/judge"
)

// wantDashboard computes what a correct program prints for: SCREENS SEED.
func wantDashboard(args []string) (string, error) {
	if len(args) != 2 {
		return "", fmt.Errorf("usage: want dashboard SCREENS SEED")
	}
	screens, err := strconv.Atoi(args[0])
	if err != nil {
		return "", err
	}
	seed, err := strconv.Atoi(args[1])
	if err != nil {
		return "", err
	}
	day := sales.Day(seed)
	sold, amount := sales.Total(day)
	best := sales.Best(day)
	lines := make([]string, screens)
	for i := range lines {
		lines[i] = fmt.Sprintf("screen %d: %d sold, %s, best seller %s", i+1, sold, rupiah(amount), best)
	}
	return strings.Join(lines, "\n"), nil
}

// rupiah formats an amount the way the program does: Rp12.500.
func rupiah(amount int) string {
	s := fmt.Sprint(amount)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return "Rp" + s
}

func TestLab(t *testing.T) {
	judge.Run(t, judge.Want("dashboard", wantDashboard))
}
