package main

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/racelab/racelab/labs/internal/harness"
)

func TestMain(m *testing.M) { harness.Main(m, "labels", main) }

func TestLab(t *testing.T) {
	// want labels N SEED: one label per order, in order.
	harness.Run(t, harness.Want("labels", func(args []string) (string, error) {
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
			id, items := 1000+(seed*7+i*13)%9000, 1+(seed+i*5)%9
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
