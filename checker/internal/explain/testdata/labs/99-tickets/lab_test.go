package lab_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/racelab/racelab/labs/internal/judge"
)

func TestLab(t *testing.T) {
	judge.Run(t, judge.Want("tickets", func(args []string) (string, error) {
		buyers, err := strconv.Atoi(args[0])
		if err != nil {
			return "", err
		}
		tickets, err := strconv.Atoi(args[1])
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("sold %d tickets", min(buyers, tickets)), nil
	}))
}
