// Checks for leaks with goleak but never closes its own store: the janitor it leaves running fails the test against a correct store.
// want: false-alarm
package session

import (
	"fmt"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"go.uber.org/goleak"
)

func TestTouch(t *testing.T) {
	defer goleak.VerifyNone(t)
	s := New()

	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for j := range 100 {
				id := fmt.Sprint("user", i, j)
				s.Touch(id)
				s.Active(id)
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
		time.Sleep(TTL)
		if s.Active("alice") {
			t.Fatal("alice is still active at TTL")
		}
	})
}
