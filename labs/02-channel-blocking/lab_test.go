package main

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/racelab/racelab/labs/internal/harness"
)

func TestMain(m *testing.M) { harness.Main(m, "words", main) }

func TestLab(t *testing.T) {
	// want words N SEED: the total a correct program prints for N documents
	// picked by SEED.
	harness.Run(t, harness.Want("words", func(args []string) (string, error) {
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
			total += len(strings.Fields(document(seed, i)))
		}
		return fmt.Sprintf("%d documents, %d words", n, total), nil
	}))
}
