package counters

import (
	"fmt"
	"sync/atomic"
)

var (
	served atomic.Int64
	bytes  int64
	ok     atomic.Bool
)

type stats struct{ hits atomic.Uint32 }

func direct() {
	served.Store(served.Load() + 1) // want `served stores a value computed from served's Load on line 17`
}

func throughVariables(size int) {
	n := served.Load()
	m := n + 1
	served.Store(m) // want `served stores a value computed from served's Load on line 21`

	b := atomic.LoadInt64(&bytes)
	b += int64(size)
	atomic.StoreInt64(&bytes, b) // want `bytes stores a value computed from bytes's Load on line 25`
}

func field(s *stats) {
	if h := s.hits.Load(); h < 10 {
		s.hits.Store(h + 1) // want `s.hits stores a value computed from s.hits's Load on line 31`
	}
}

func flag() {
	if !ok.Load() {
		ok.Store(true) // want `ok is stored after a check of its Load on line 37, as a separate step`
	}
	v := ok.Load()
	ok.Store(!v) // want `ok stores a value computed from ok's Load on line 40`
}

func inGoroutine() {
	go func() {
		v := served.Load()
		served.Store(v * 2) // want `served stores a value computed from served's Load`
	}()
}

func main() {
	direct()
	throughVariables(1)
	field(&stats{})
	flag()
	inGoroutine()
	fmt.Println(served.Load())
}
