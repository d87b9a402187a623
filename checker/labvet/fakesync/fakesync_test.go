package fakesync_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/racelab/racelab/checker/labvet/fakesync"
)

func TestFakeSync(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), fakesync.New(nil), "sleeps", "clean")
}
