package termtext

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLenIgnoresColour(t *testing.T) {
	assert.Equal(t, 7, Len("\x1b[32;1m✓ lulus\x1b[0m"))
	assert.Equal(t, 0, Len(""))
}

func TestWrapAtWordBoundaries(t *testing.T) {
	text := "Next: edit labs/06-waitgroup/squares/squares.go, then run `make lab N=6 L=id` again."
	for _, width := range []int{20, 40, 60} {
		got := Wrap(text, width)
		for _, line := range strings.Split(got, "\n") {
			assert.LessOrEqual(t, Len(line), max(width, len("labs/06-waitgroup/squares/squares.go,")), "%q", line)
		}
		assert.Equal(t, strings.Fields(text), strings.Fields(got), "no word broken or lost at %d", width)
	}
	assert.Equal(t, text, Wrap(text, 0), "no width: as it is")
}

func TestWrapKeepsIndentAndListItems(t *testing.T) {
	got := Wrap("  - one two three four five six", 14)
	assert.Equal(t, "  - one two\n    three four\n    five six", got)
	got = Wrap("12. alpha beta gamma", 12)
	assert.Equal(t, "12. alpha\n    beta\n    gamma", got)
}

func TestTruncateAndPad(t *testing.T) {
	assert.Equal(t, "Wait…", Truncate("WaitGroup", 5))
	assert.Equal(t, "short", Truncate("short", 5))
	assert.Equal(t, "\x1b[1mWait…\x1b[0m", Truncate("\x1b[1mWaitGroup\x1b[0m", 5))
	assert.Equal(t, "ab  ", Pad("ab", 4))
}

func TestBar(t *testing.T) {
	assert.Equal(t, "[█████░░░░░]", Bar(1, 2, 12))
	assert.Equal(t, "[░░░]", Bar(0, 0, 5))
	assert.Equal(t, 30, Len(Bar(31, 32, 30)))
}
