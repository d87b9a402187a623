package onlyeditable

import "sync"

var mu sync.Mutex

func helper() {
	mu.Lock()
	mu.Unlock()
}
