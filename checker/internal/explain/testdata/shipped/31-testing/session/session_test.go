package session

import "testing"

// TODO: this test passes against every version of session.go, even the ones
// with a data race, a leaked goroutine or sessions that never expire on
// time. Make it catch them (see the README).
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
