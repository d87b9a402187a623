package lab_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/racelab/racelab/labs/internal/judge"
)

// wantCarpark computes what a correct car park prints for: CARS SPACES.
// Every car parks, and since every car waits at the barrier before it
// opens, and stays parked until the others that can drive in have done
// so, the car park is as full as it may be: min(CARS, SPACES) at once.
func wantCarpark(args []string) (string, error) {
	if len(args) != 2 {
		return "", fmt.Errorf("usage: want carpark CARS SPACES")
	}
	var n [2]int
	for i, a := range args {
		v, err := strconv.Atoi(a)
		if err != nil {
			return "", fmt.Errorf("want carpark: %w", err)
		}
		n[i] = v
	}
	cars, spaces := n[0], n[1]
	return fmt.Sprintf("%d cars, %d spaces\ncars parked: %d\nmost cars parked at once: %d",
		cars, spaces, cars, min(cars, spaces)), nil
}

func TestLab(t *testing.T) {
	judge.Run(t, judge.Want("carpark", wantCarpark))
}
