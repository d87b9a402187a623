package warm

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A stamp holds while its cache file exists, for the same Go and GOCACHE.
func TestStampAndFresh(t *testing.T) {
	root, err := filepath.Abs("../../..")
	require.NoError(t, err)
	stamp, err := Stamp(context.Background(), root)
	require.NoError(t, err)
	assert.True(t, Fresh(stamp), "right after Stamp: %q", stamp)
	assert.False(t, Fresh(""), "no stamp")
	assert.False(t, Fresh("go1.0\n\n"+os.Args[0]), "another Go")
	t.Setenv("GOCACHE", t.TempDir())
	assert.False(t, Fresh(stamp), "another cache")
}

func TestEstimateAndLeft(t *testing.T) {
	assert.Greater(t, Estimate(300), 10*time.Second)
	assert.Less(t, Estimate(300), 30*time.Minute)
	// Once there is a rate to go by, it is the rate: 10 s for 100 of 300
	// leaves 20 s.
	assert.Equal(t, 20*time.Second, Left(100, 300, 10*time.Second))
}
