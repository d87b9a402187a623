package cancelfirst_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/racelab/racelab/checker/labvet/cancelfirst"
)

func TestCancelFirst(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), cancelfirst.New(nil), "first", "fine", "sorts")
}
