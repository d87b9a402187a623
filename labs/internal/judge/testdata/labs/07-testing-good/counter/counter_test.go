package counter

import (
	"sync"
	"testing"

	"go.uber.org/goleak"
)

// Many goroutines at once, under the race detector, and no goroutine left.
func TestInc(t *testing.T) {
	defer goleak.VerifyNone(t)
	var c Counter
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 100 {
				c.Inc()
			}
		})
	}
	wg.Wait()
	if c.Value() != 800 {
		t.Fatalf("Value() = %d, want 800", c.Value())
	}
}
