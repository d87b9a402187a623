package loadstore_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/racelab/racelab/checker/labvet/loadstore"
)

func TestLoadStore(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), loadstore.New(nil), "counters", "guarded", "fine", "swapcas", "addload", "checkact")
}

// quiet stands in for *testing.T: the want comments of counters expect
// findings this run must not make.
type quiet struct{}

func (quiet) Errorf(string, ...any) {}

// Only the named files are the student's: the lost updates of counters/a.go
// are not reported when the student edits another file.
func TestOnlyNamedFiles(t *testing.T) {
	for _, r := range analysistest.Run(quiet{}, analysistest.TestData(), loadstore.New([]string{"other.go"}), "counters") {
		assert.Empty(t, r.Diagnostics)
	}
	results := analysistest.Run(quiet{}, analysistest.TestData(), loadstore.New([]string{"a.go"}), "counters")
	assert.Len(t, results[0].Diagnostics, 7)
}
