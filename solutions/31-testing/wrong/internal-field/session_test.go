// Catches every bug, but also checks that Touch stores the time of use in the sessions map: an internal another correct store does differently.
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

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestTouch(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := New()
		defer s.Close()

		s.Touch("alice")
		s.mu.Lock()
		got := s.sessions["alice"]
		s.mu.Unlock()
		if !got.Equal(time.Now()) {
			t.Errorf("sessions[alice] = %v, want the time of the Touch, %v", got, time.Now())
		}
	})
}

func TestConcurrentUse(t *testing.T) {
	s := New()
	defer s.Close()

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
