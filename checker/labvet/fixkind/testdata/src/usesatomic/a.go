package usesatomic

import "sync/atomic"

var n atomic.Int64

func inc() { n.Add(1) }
