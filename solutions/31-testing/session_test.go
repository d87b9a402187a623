package session

import (
	"fmt"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"go.uber.org/goleak"
)

// fix: goleak checks, once every test has run, that no goroutine is left
// fix: behind: a janitor that Close does not stop fails the package.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestTouch(t *testing.T) {
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

// fix: many users at once: under -race, any access to the store that two
// fix: goroutines make without synchronising is reported.
func TestConcurrentUse(t *testing.T) {
	s := New()
	defer s.Close()

	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 100 {
				id := fmt.Sprintf("user%d-%d", g, i%10)
				s.Touch(id)
				if !s.Active(id) {
					t.Errorf("Active(%s) = false right after Touch", id)
					return
				}
				s.Active("nobody")
			}
		})
	}
	wg.Wait()
}

// fix: in a synctest bubble time is fake: 30 minutes pass at once, and a
// fix: session must expire exactly TTL after its last use, whatever the
// fix: janitor has or has not swept yet.
func TestExpiry(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := New()
		defer s.Close()

		s.Touch("alice")
		time.Sleep(TTL - time.Second)
		if !s.Active("alice") {
			t.Fatalf("Active(alice) = false %v after Touch, want true until TTL (%v)", TTL-time.Second, TTL)
		}
		time.Sleep(time.Second)
		if s.Active("alice") {
			t.Fatalf("Active(alice) = true TTL (%v) after Touch, want false: the session has expired", TTL)
		}
	})
}

// fix: every Touch keeps a session active for another TTL.
func TestTouchExtends(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := New()
		defer s.Close()

		s.Touch("alice")
		time.Sleep(20 * time.Minute)
		s.Touch("alice")
		time.Sleep(20 * time.Minute)
		if !s.Active("alice") {
			t.Fatalf("Active(alice) = false 20m after her last Touch, want true")
		}
		time.Sleep(10 * time.Minute)
		if s.Active("alice") {
			t.Fatalf("Active(alice) = true TTL after her last Touch, want false")
		}
	})
}
