package lab_test

import (
	"testing"

	"github.com/racelab/racelab/labs/internal/judge"
)

// TestLab is the lab's judge: the static checks of the student's files, a
// race-enabled build of the program (raftstatus/), and the scripts in
// testdata, which start it as raftstatus. It never links the program: it
// judges each run from outside, by how it ended.
func TestLab(t *testing.T) { judge.Run(t) }
