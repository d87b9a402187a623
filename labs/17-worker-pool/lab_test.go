package main

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/racelab/racelab/labs/internal/harness"
)

func TestMain(m *testing.M) { harness.Main(m, "wordcount", main) }

// wantWordcount computes what a correct wordcount prints for: DOCS SEED.
// Document d has 5 + (seed*13 + d*37) % 200 words.
func wantWordcount(args []string) (string, error) {
	if len(args) != 2 {
		return "", fmt.Errorf("usage: want wordcount DOCS SEED")
	}
	docs, err := strconv.Atoi(args[0])
	if err != nil {
		return "", err
	}
	seed, err := strconv.Atoi(args[1])
	if err != nil {
		return "", err
	}
	total, longest, longestDoc := 0, -1, -1
	for d := range docs {
		w := 5 + (seed*13+d*37)%200
		total += w
		if w > longest {
			longest, longestDoc = w, d
		}
	}
	return fmt.Sprintf("documents: %d\nwords: %d\nlongest: document %d (%d words)", docs, total, longestDoc, longest), nil
}

func TestLab(t *testing.T) {
	harness.Run(t, harness.Want("wordcount", wantWordcount))
}
