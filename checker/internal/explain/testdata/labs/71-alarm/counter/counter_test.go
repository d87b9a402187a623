package counter

import (
	"reflect"
	"sync"
	"testing"

	"go.uber.org/goleak"
)

// Many goroutines at once, and no goroutine left; but it also insists on
// how the counter is built.
func TestInc(t *testing.T) {
	defer goleak.VerifyNone(t)
	if f := reflect.TypeOf(Counter{}).Field(0); f.Type != reflect.TypeOf(sync.Mutex{}) {
		t.Fatalf("Counter's first field is %s, want a sync.Mutex", f.Type)
	}
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
