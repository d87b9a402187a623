// Package counter counts hits from many goroutines, with an atomic.
package counter

import "sync/atomic"

// Counter is safe for concurrent use.
type Counter struct{ n atomic.Int64 }

// Inc adds one.
func (c *Counter) Inc() { c.n.Add(1) }

// Value is the count so far.
func (c *Counter) Value() int { return int(c.n.Load()) }
