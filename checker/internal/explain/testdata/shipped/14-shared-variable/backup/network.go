// Do not edit: part of the lab's fixture.

package main

import (
	"errors"
	"fmt"

	"github.com/racelab/racelab/labs/14-shared-variable/mirrors"
	"github.com/racelab/racelab/labs/internal/overlap"
)

// readReport returns the report to back up.
func readReport(seed int) ([]byte, error) {
	return fmt.Appendf(nil, "report #%d", seed), nil
}

// upload sends report to mirror m. It is slow: the mirror is far away. Some
// mirrors are down.
func upload(m int, report []byte, seed int) error {
	overlap.Work()
	if mirrors.Down(seed, m) || len(report) == 0 {
		return mirrors.ErrDown
	}
	return nil
}

// hangUp closes the connection to mirror m once the upload is over. It takes
// a moment: the mirror says goodbye, and the other uploads go on meanwhile.
func hangUp(m int) {
	overlap.Window()
}

// writeLocal writes report to the local disk. It is slow too.
func writeLocal(report []byte) error {
	overlap.Work()
	if len(report) == 0 {
		return errors.New("empty report")
	}
	return nil
}
