// Tests expiry with a real time.Sleep: it cannot wait 30 minutes, so it only checks that a session survives a short nap.
// want: missed
package session

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func TestTouch(t *testing.T) {
	defer goleak.VerifyNone(t)
	s := New()
	defer s.Close()

	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for j := range 100 {
				id := fmt.Sprint("user", i, j)
				s.Touch(id)
				if !s.Active(id) {
					t.Errorf("Active(%s) = false right after Touch, want true", id)
				}
			}
		})
	}
	wg.Wait()
}

func TestStillActiveAfterAWhile(t *testing.T) {
	defer goleak.VerifyNone(t)
	s := New()
	defer s.Close()

	s.Touch("alice")
	time.Sleep(50 * time.Millisecond)
	if !s.Active("alice") {
		t.Fatal("alice expired after 50ms")
	}
}
