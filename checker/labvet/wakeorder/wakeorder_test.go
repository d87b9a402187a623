package wakeorder_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/racelab/racelab/checker/labvet/wakeorder"
)

func TestWakeOrder(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), wakeorder.New(nil), "early", "fine")
}
