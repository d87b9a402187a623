package lab_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/racelab/racelab/labs/17-worker-pool/corpus"
	"github.com/racelab/racelab/labs/internal/judge"
)

// wantWordcount computes what a correct wordcount prints for: DOCS SEED.
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
		w := len(strings.Fields(corpus.Document(seed, d)))
		total += w
		if w > longest {
			longest, longestDoc = w, d
		}
	}
	return fmt.Sprintf("documents: %d\nwords: %d\nlongest: document %d (%d words)", docs, total, longestDoc, longest), nil
}

func TestLab(t *testing.T) {
	judge.Run(t, judge.Want("wordcount", wantWordcount))
}
