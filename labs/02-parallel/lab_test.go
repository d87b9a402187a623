package lab_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/racelab/racelab/labs/02-parallel/numbers"
	"github.com/racelab/racelab/labs/internal/judge"
)

func TestLab(t *testing.T) {
	judge.Run(t, judge.Want("primes", wantPrimes))
}

// wantPrimes computes what a correct program prints for
// "want primes START CHUNKS SIZE": the primes of the whole range, counted
// here one number after another.
func wantPrimes(args []string) (string, error) {
	if len(args) != 3 {
		return "", fmt.Errorf("want primes START CHUNKS SIZE: got %d arguments", len(args))
	}
	var v [3]int
	for i, a := range args {
		n, err := strconv.Atoi(a)
		if err != nil {
			return "", fmt.Errorf("want primes START CHUNKS SIZE: %w", err)
		}
		v[i] = n
	}
	start, chunks, size := v[0], v[1], v[2]
	end := start + chunks*size
	return fmt.Sprintf("primes from %d to %d: %d", start, end-1, numbers.CountPrimes(start, end)), nil
}
