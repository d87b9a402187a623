// Runs everything in synctest bubbles, which also fail on a goroutine left blocked, so it needs no goleak; synctest.Wait lets other goroutines finish first.
// want: pass
package session

import (
	"fmt"
	"testing"
	"testing/synctest"
	"time"
)

func TestTouch(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := New()
		defer s.Close()

		s.Touch("alice")
		if !s.Active("alice") {
			t.Errorf("Active(alice) = false right after Touch, want true")
		}
		if s.Active("bob") {
			t.Errorf("Active(bob) = true, but bob never logged in")
		}
	})
}

func TestConcurrent(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := New()
		defer s.Close()

		for i := range 8 {
			go func() {
				for j := range 100 {
					s.Touch(fmt.Sprint("user", i, j%5))
					s.Active(fmt.Sprint("user", (i+1)%8, j%5))
				}
			}()
		}
		synctest.Wait() // every user is done
		for i := range 8 {
			if !s.Active(fmt.Sprint("user", i, 0)) {
				t.Errorf("user%d0 is not active", i)
			}
		}
		time.Sleep(TTL)
		for i := range 8 {
			if s.Active(fmt.Sprint("user", i, 0)) {
				t.Errorf("user%d0 is still active TTL after the last Touch", i)
			}
		}
	})
}
