package lab_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/racelab/racelab/labs/07-channel-blocking/corpus"
	"github.com/racelab/racelab/labs/internal/judge"
)

func TestLab(t *testing.T) {
	// want words N SEED: the total a correct program prints for N documents
	// picked by SEED.
	judge.Run(t, judge.Want("words", func(args []string) (string, error) {
		if len(args) != 2 {
			return "", fmt.Errorf("usage: want words N SEED")
		}
		n, err := strconv.Atoi(args[0])
		if err != nil {
			return "", err
		}
		seed, err := strconv.Atoi(args[1])
		if err != nil {
			return "", err
		}
		total := 0
		for i := range n {
			total += len(strings.Fields(corpus.Document(seed, i)))
		}
		return fmt.Sprintf("%d documents, %d words", n, total), nil
	}))
}
