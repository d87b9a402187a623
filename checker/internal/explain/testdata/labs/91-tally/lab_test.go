package lab_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/racelab/racelab/labs/internal/judge"
)

func TestLab(t *testing.T) {
	judge.Run(t, judge.Want("tally", func(args []string) (string, error) {
		n, err := strconv.Atoi(args[0])
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("boxes=%d votes=%d ballots=%d", n, n*(n-1)/2, n), nil
	}))
}
