package stability

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// "fails 3 of 20" reads as "about 1 in 7".
func TestOneIn(t *testing.T) {
	assert.Equal(t, 0, Outcome{Runs: 20}.OneIn())
	assert.Equal(t, 7, Outcome{Runs: 20, Failures: 3}.OneIn())
	assert.Equal(t, 20, Outcome{Runs: 20, Failures: 1}.OneIn())
	assert.Equal(t, 1, Outcome{Runs: 20, Failures: 20}.OneIn())
	assert.True(t, Outcome{Runs: 20}.Stable())
}
