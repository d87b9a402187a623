package addorder_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/racelab/racelab/checker/labvet/addorder"
)

func TestAddOrder(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), addorder.New(nil), "late", "fine")
}
