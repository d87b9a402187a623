// Hammers the store from many goroutines, but never checks that Close stopped the janitor, nor when sessions expire.
// want: missed
package session

import (
	"fmt"
	"sync"
	"testing"
)

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
	if s.Active("bob") {
		t.Errorf("Active(bob) = true, but bob never logged in")
	}
}
