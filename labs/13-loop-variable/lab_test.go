package lab_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/racelab/racelab/labs/13-loop-variable/shop"
	"github.com/racelab/racelab/labs/internal/judge"
)

func TestLab(t *testing.T) {
	// want labels N SEED: one label per order, in order.
	judge.Run(t, judge.Want("labels", func(args []string) (string, error) {
		if len(args) != 2 {
			return "", fmt.Errorf("usage: want labels N SEED")
		}
		n, err := strconv.Atoi(args[0])
		if err != nil {
			return "", err
		}
		seed, err := strconv.Atoi(args[1])
		if err != nil {
			return "", err
		}
		var b strings.Builder
		for i := range n {
			id, items := shop.OrderID(seed, i), shop.Items(seed, i)
			box := "large"
			if items <= 2 {
				box = "small"
			} else if items <= 5 {
				box = "medium"
			}
			fmt.Fprintf(&b, "order %d: %d items, %s box\n", id, items, box)
		}
		return b.String(), nil
	}))
}
