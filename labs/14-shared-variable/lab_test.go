package lab_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/racelab/racelab/labs/14-shared-variable/mirrors"
	"github.com/racelab/racelab/labs/internal/judge"
)

func TestLab(t *testing.T) {
	// want backup N SEED: what happens to each of the N copies.
	judge.Run(t, judge.Want("backup", func(args []string) (string, error) {
		if len(args) != 2 {
			return "", fmt.Errorf("usage: want backup N SEED")
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
		b.WriteString("local disk: saved\n")
		saved := 1
		for m := 1; m < n; m++ {
			if mirrors.Down(seed, m) {
				fmt.Fprintf(&b, "mirror %d: failed: %v\n", m, mirrors.ErrDown)
				continue
			}
			fmt.Fprintf(&b, "mirror %d: saved\n", m)
			saved++
		}
		fmt.Fprintf(&b, "%d of %d copies saved\n", saved, n)
		return b.String(), nil
	}))
}
