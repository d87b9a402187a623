package clean

import "time"

type sleeper struct{}

// Sleep is a method of the program's own, not time.Sleep.
func (sleeper) Sleep(time.Duration) {}

func f() <-chan time.Time {
	sleeper{}.Sleep(time.Second)
	return time.After(time.Second) // a timeout in a select is fine
}
