package lab_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/racelab/racelab/labs/26-duplicate-work/photos"
	"github.com/racelab/racelab/labs/internal/judge"
)

// wantThumbs computes what a correct server prints for: REQUESTS PHOTOS
// SEED. Every request gets its photo's thumbnail, and each photo asked for
// is rendered exactly once.
func wantThumbs(args []string) (string, error) {
	if len(args) != 3 {
		return "", fmt.Errorf("usage: want thumbs REQUESTS PHOTOS SEED")
	}
	var n [3]int
	for i, a := range args {
		v, err := strconv.Atoi(a)
		if err != nil {
			return "", fmt.Errorf("want thumbs: %w", err)
		}
		n[i] = v
	}
	requests, count, seed := n[0], n[1], n[2]
	total := 0
	distinct := map[string]bool{}
	for i := range requests {
		photo := photos.Requested(seed, count, i)
		distinct[photo] = true
		total += len(photos.Thumbnail(photo))
	}
	return fmt.Sprintf("%d requests for %d photo(s): %d bytes served\nrenders: %d\nrendered more than once: none",
		requests, count, total, len(distinct)), nil
}

func TestLab(t *testing.T) {
	judge.Run(t, judge.Want("thumbs", wantThumbs))
}
