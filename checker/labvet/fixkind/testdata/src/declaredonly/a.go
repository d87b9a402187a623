package declaredonly

import "sync"

var (
	mu sync.Mutex
	n  int
)

func inc() {
	_ = &mu
	n++
}
