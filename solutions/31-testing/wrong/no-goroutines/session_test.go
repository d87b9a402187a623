// Checks for leaks with goleak, but uses the store from one goroutine and never lets time pass: -race and the clock have nothing to show.
// want: missed
package session

import (
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestTouch(t *testing.T) {
	s := New()
	defer s.Close()

	for range 100 {
		s.Touch("alice")
		if !s.Active("alice") {
			t.Errorf("Active(alice) = false right after Touch, want true")
		}
	}
	if s.Active("bob") {
		t.Errorf("Active(bob) = true, but bob never logged in")
	}
}
