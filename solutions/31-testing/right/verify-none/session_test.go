// Checks for leaks test by test with goleak.VerifyNone, races with classic go statements and a WaitGroup, expiry in a synctest bubble.
// want: pass
package session

import (
	"strconv"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"go.uber.org/goleak"
)

func TestTouch(t *testing.T) {
	defer goleak.VerifyNone(t)
	s := New()
	defer s.Close()

	s.Touch("alice")
	if !s.Active("alice") {
		t.Errorf("Active(alice) = false right after Touch, want true")
	}
	if s.Active("bob") {
		t.Errorf("Active(bob) = true, but bob never logged in")
	}
}

func TestManyUsers(t *testing.T) {
	defer goleak.VerifyNone(t)
	s := New()
	defer s.Close()

	var wg sync.WaitGroup
	for i := range 10 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for range 50 {
				s.Touch("user" + strconv.Itoa(i))
			}
		}()
		go func() {
			defer wg.Done()
			for range 50 {
				s.Active("user" + strconv.Itoa(i))
			}
		}()
	}
	wg.Wait()
	for i := range 10 {
		if !s.Active("user" + strconv.Itoa(i)) {
			t.Errorf("user%d is not active after logging in", i)
		}
	}
}

func TestExpiresAtTTL(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := New()
		defer s.Close()

		s.Touch("alice")
		time.Sleep(TTL - time.Nanosecond)
		if !s.Active("alice") {
			t.Fatal("alice expired before TTL")
		}
		time.Sleep(time.Nanosecond)
		if s.Active("alice") {
			t.Fatal("alice is still active at TTL")
		}
	})
}
