package proof

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSignAndFind(t *testing.T) {
	key, env, err := NewKey()
	require.NoError(t, err)
	v, ok := strings.CutPrefix(env, EnvKey+"=")
	require.True(t, ok)
	parsed, err := ParseKey(v)
	require.NoError(t, err)
	assert.Equal(t, key, parsed)

	other, _, err := NewKey()
	require.NoError(t, err)
	assert.NotEqual(t, Sign(key), Sign(other))
	assert.Len(t, Sign(key), 64)

	out := "=== RUN   TestLab\n--- PASS: TestLab (0.10s)\nPASS\n\n" + Line(key) + "\n"
	assert.True(t, In(out, key))
	assert.False(t, In(out, other), "a proof made under another key")
	assert.False(t, In("x"+Line(key)+"\n", key), "not on a line of its own")
	assert.False(t, In(Mark+"\n", key))
}

func TestParseKeyRejects(t *testing.T) {
	for _, v := range []string{"", "zz", "0011"} {
		_, err := ParseKey(v)
		assert.ErrorContains(t, err, "want at least 16 bytes in hex", v)
	}
}
