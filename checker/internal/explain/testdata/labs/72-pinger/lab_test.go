package lab_test

import (
	"testing"

	"github.com/racelab/racelab/labs/internal/judge"
)

func TestLab(t *testing.T) { judge.Run(t) }
