package lab_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/racelab/racelab/labs/12-gomaxprocs/site"
	"github.com/racelab/racelab/labs/internal/judge"
)

func TestLab(t *testing.T) {
	// want visits N SEED: the views of each page and the total.
	judge.Run(t, judge.Want("visits", func(args []string) (string, error) {
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
		views := make([]int, len(site.Pages))
		for v := range n {
			views[site.Page(seed, v)]++
		}
		var b strings.Builder
		for p, name := range site.Pages {
			fmt.Fprintf(&b, "%-5s %d\n", name, views[p])
		}
		fmt.Fprintf(&b, "total %d\n", n)
		return b.String(), nil
	}))
}
