package warm

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/racelab/racelab/checker/lab"
)

// A testing lab's program is a test binary: on a cold cache, warming it
// compiles the testing package and the test main's imports race-enabled, which no program lab's does.
func TestStaleTestingLab(t *testing.T) {
	root, err := filepath.Abs("../../..")
	require.NoError(t, err)
	all, _ := lab.Discover(root)
	var testing31 *lab.Lab
	for _, l := range all {
		if l.Test != nil {
			testing31 = l
			break
		}
	}
	require.NotNil(t, testing31, "the course has a testing lab")
	t.Setenv("GOCACHE", t.TempDir()) // cold: everything is stale
	plan, err := Stale(context.Background(), root, []*lab.Lab{testing31})
	require.NoError(t, err)
	assert.Contains(t, plan.Race, "testing")
	assert.Contains(t, plan.Race, "testing/internal/testdeps")
	assert.Contains(t, plan.Race, "runtime")
	assert.Contains(t, plan.Plain, "testing")
	for _, p := range plan.Race {
		assert.NotContains(t, p, ".test", "test main packages are always compiled: not part of warming")
	}
}
