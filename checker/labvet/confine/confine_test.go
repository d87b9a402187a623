package confine_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/racelab/racelab/checker/labvet/confine"
)

func TestConfine(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), confine.New(nil), "reach", "plain", "exit", "tested", "github.com/racelab/racelab/labs/03-bank/bank")
}

// recorder stands in for *testing.T to collect what analysistest would
// report as errors.
type recorder struct{ errors []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func TestConfineLinkname(t *testing.T) {
	r := &recorder{}
	analysistest.Run(r, analysistest.TestData(), confine.New(nil), "linkname")
	if assert.Len(t, r.errors, 1) {
		assert.Contains(t, r.errors[0], "a.go:8:1: unexpected diagnostic: //go:linkname is not allowed in a lab file")
	}
}

// Directives are refused unless harmless: //go:norace would hide a racy
// fix from the race detector.
func TestConfineDirectives(t *testing.T) {
	r := &recorder{}
	analysistest.Run(r, analysistest.TestData(), confine.New(nil), "directives")
	if assert.Len(t, r.errors, 2, "norace and nosplit refused, noinline let through") {
		assert.Contains(t, r.errors[0], "a.go:8:1: unexpected diagnostic: //go:norace is not allowed in a lab file: it hides the function's memory accesses from the race detector")
		assert.Contains(t, r.errors[1], "a.go:11:1: unexpected diagnostic: //go:nosplit is not allowed in a lab file")
	}
}
