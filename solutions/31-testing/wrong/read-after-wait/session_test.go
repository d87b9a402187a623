// Logs users in from many goroutines, but asks Active only after wg.Wait, when no write can race with the read, and never lets time pass.
// want: missed
package session

import (
	"fmt"
	"sync"
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestManyLogins(t *testing.T) {
	s := New()
	defer s.Close()

	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for j := range 100 {
				s.Touch(fmt.Sprint("user", i, j))
			}
		})
	}
	wg.Wait()
	for i := range 8 {
		if !s.Active(fmt.Sprint("user", i, 0)) {
			t.Errorf("user%d0 is not active", i)
		}
	}
}
