package session

import (
	"fmt"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"go.uber.org/goleak"
)

func TestConcurrentUse(t *testing.T) {
	s := New()
	defer s.Close()
	defer goleak.VerifyNone(t) // nothing may be left running
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 100 {
				id := fmt.Sprint("user", g, i%10)
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
		time.Sleep(TTL - time.Second)
		if !s.Active("alice") {
			t.Fatalf("alice expired before TTL")
		}
		time.Sleep(time.Second)
		if s.Active("alice") {
			t.Fatalf("alice still active at TTL")
		}
	})
}
