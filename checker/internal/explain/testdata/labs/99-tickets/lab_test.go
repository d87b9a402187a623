package main

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/racelab/racelab/labs/internal/harness"
)

func TestMain(m *testing.M) { harness.Main(m, "tickets", main) }

func TestLab(t *testing.T) {
	harness.Run(t, harness.Want("tickets", func(args []string) (string, error) {
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
