package trylock_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/racelab/racelab/checker/labvet/trylock"
)

func TestTryLock(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), trylock.New(nil), "skips", "fine")
}
