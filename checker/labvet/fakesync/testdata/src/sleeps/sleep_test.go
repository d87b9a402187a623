package sleeps

import (
	"testing"
	"time"
)

// A student's test (a testing lab's) may sleep: in a synctest bubble that
// is how fake time passes.
func TestSleep(t *testing.T) {
	time.Sleep(time.Millisecond)
}
