package lab_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/racelab/racelab/labs/internal/judge"
)

func TestLab(t *testing.T) {
	judge.Run(t, judge.Want("squares", func(args []string) (string, error) {
		n, err := strconv.Atoi(args[0])
		if err != nil {
			return "", err
		}
		total := 0
		for i := range n {
			total += i * i
		}
		return fmt.Sprintf("sum of squares below %d = %d", n, total), nil
	}))
}
