package timeguess_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/racelab/racelab/checker/labvet/timeguess"
)

func TestTimeGuess(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), timeguess.New(nil), "guesses", "fine")
}
