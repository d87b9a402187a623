package counter

import "testing"

// One goroutine only: it can never see a race or a leak.
func TestInc(t *testing.T) {
	var c Counter
	for range 10 {
		c.Inc()
	}
	if c.Value() != 10 {
		t.Fatalf("Value() = %d, want 10", c.Value())
	}
}
