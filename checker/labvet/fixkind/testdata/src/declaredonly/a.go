package declaredonly // want `this lab asks for a sync.Mutex`

import "sync"

var (
	mu sync.Mutex
	n  int
)

func inc() {
	_ = &mu
	n++
}
