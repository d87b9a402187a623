package main

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/racelab/racelab/labs/internal/harness"
)

func TestMain(m *testing.M) { harness.Main(m, "visits", main) }

func TestLab(t *testing.T) {
	// want visits N SEED: the views of each page and the total.
	harness.Run(t, harness.Want("visits", func(args []string) (string, error) {
		if len(args) != 2 {
			return "", fmt.Errorf("usage: want visits N SEED")
		}
		n, err := strconv.Atoi(args[0])
		if err != nil {
			return "", err
		}
		seed, err := strconv.Atoi(args[1])
		if err != nil {
			return "", err
		}
		names := []string{"home", "blog", "shop", "about"}
		views := make([]int, len(names))
		for v := range n {
			views[rand.New(rand.NewPCG(uint64(seed), uint64(v))).IntN(len(names))]++
		}
		var b strings.Builder
		for p, name := range names {
			fmt.Fprintf(&b, "%-5s %d\n", name, views[p])
		}
		fmt.Fprintf(&b, "total %d\n", n)
		return b.String(), nil
	}))
}
