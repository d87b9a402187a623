package spin_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/racelab/racelab/checker/labvet/spin"
)

func TestSpin(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), spin.New(nil), "spins", "fine")
}

// quiet stands in for *testing.T: the want comments of spins expect
// findings this run must not make.
type quiet struct{}

func (quiet) Errorf(string, ...any) {}

// Only the named files are the student's: the spins of spins/a.go are not
// reported when the student edits another file.
func TestOnlyNamedFiles(t *testing.T) {
	for _, r := range analysistest.Run(quiet{}, analysistest.TestData(), spin.New([]string{"other.go"}), "spins") {
		assert.Empty(t, r.Diagnostics)
	}
	results := analysistest.Run(quiet{}, analysistest.TestData(), spin.New([]string{"a.go"}), "spins")
	assert.Len(t, results[0].Diagnostics, 18)
}
