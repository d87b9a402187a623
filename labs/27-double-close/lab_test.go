package lab_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/racelab/racelab/labs/27-double-close/site"
	"github.com/racelab/racelab/labs/internal/judge"
)

// wantAlarm computes what a correct alarm prints for: SENSORS OCCUPANTS
// FIRES SEED. The alarm is raised once, however many sensors smell smoke:
// the siren sounds once and every occupant walks out; every sensor that
// smelled smoke files its report.
func wantAlarm(args []string) (string, error) {
	if len(args) != 4 {
		return "", fmt.Errorf("usage: want alarm SENSORS OCCUPANTS FIRES SEED")
	}
	var n [4]int
	for i, a := range args {
		v, err := strconv.Atoi(a)
		if err != nil {
			return "", fmt.Errorf("want alarm: %w", err)
		}
		n[i] = v
	}
	sensors, occupants, fires, seed := n[0], n[1], n[2], n[3]
	var reports []string
	for _, s := range site.Smoky(seed, sensors, fires) {
		reports = append(reports, strconv.Itoa(s))
	}
	return fmt.Sprintf("%d sensors, %d occupants\nsiren sounded: 1 time(s)\noccupants out: %d of %d\nreports from sensors: %s",
		sensors, occupants, occupants, occupants, strings.Join(reports, ", ")), nil
}

func TestLab(t *testing.T) {
	judge.Run(t, judge.Want("alarm", wantAlarm))
}
