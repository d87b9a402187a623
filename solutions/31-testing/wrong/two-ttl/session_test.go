// Checks expiry in a synctest bubble, but only long after TTL: by then the janitor has swept, and stale sessions look gone.
// want: missed
package session

import (
	"fmt"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestTouch(t *testing.T) {
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

func TestExpiry(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := New()
		defer s.Close()

		s.Touch("alice")
		time.Sleep(2 * TTL)
		if s.Active("alice") {
			t.Fatal("alice is still active after 2 × TTL")
		}
	})
}
