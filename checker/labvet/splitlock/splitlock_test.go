package splitlock_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/racelab/racelab/checker/labvet/splitlock"
)

func TestSplitLock(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), splitlock.New(nil), "split", "checkact", "fine")
}

// quiet stands in for *testing.T: the want comments of split expect
// findings this run must not make.
type quiet struct{}

func (quiet) Errorf(string, ...any) {}

// Only the named files are the student's.
func TestOnlyNamedFiles(t *testing.T) {
	tests := []struct {
		files []string
		want  int
	}{
		{[]string{"other.go"}, 0},
		{[]string{"a.go"}, 5},
	}
	for _, tt := range tests {
		results := analysistest.Run(quiet{}, analysistest.TestData(), splitlock.New(tt.files), "split")
		assert.Len(t, results[0].Diagnostics, tt.want, "files %v", tt.files)
	}
}
