//go:build !unix

package overlap

import "sync"

// unseenLock is a plain mutex where the system offers nothing the race
// detector cannot see (see unseen.go): the checks still hold, the race
// detector only sees more order than the student's program has.
type unseenLock struct{ sync.Mutex }

func newUnseenLock() (*unseenLock, error) { return &unseenLock{}, nil }
