package usesatomic // want `this lab asks for a sync.Mutex \(Lock/Unlock around every access\), but a.go does not use it \(it uses atomic instead\)`

import "sync/atomic"

var n atomic.Int64

func inc() { n.Add(1) }
