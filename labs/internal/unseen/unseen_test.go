package unseen

import (
	"bytes"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
)

// self is the calling goroutine's own stack.
func self() string {
	buf := make([]byte, 1<<12)
	return string(buf[:runtime.Stack(buf, false)])
}

func header(stack string) string {
	line, _, _ := bytes.Cut([]byte(stack), []byte("\n"))
	return string(line)
}

// Do runs f on another goroutine, named by Frame in a dump, and counts it.
func TestDo(t *testing.T) {
	before := Started()
	mine := header(self())
	theirs := Do(self)
	assert.NotEqual(t, mine, header(theirs), "f ran on the caller's goroutine")
	assert.Contains(t, theirs, Frame, "a dump shows the helper by Frame")
	assert.NotContains(t, self(), Frame)
	assert.Equal(t, 42, Do(func() int { return 42 }))
	assert.Equal(t, before+2, Started())
}

// The helper starts knowing what its caller knows: what the caller wrote
// before, it reads without a race (the race detector would fail the test).
func TestDoSeesTheCallersWrites(t *testing.T) {
	x := make([]int, 8)
	for i := range x {
		x[i] = i
	}
	sum := Do(func() int {
		s := 0
		for _, v := range x {
			s += v
		}
		return s
	})
	assert.Equal(t, 28, sum)
}
