// Package plain imports what lab programs do: no findings.
package plain

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

var _ = fmt.Sprint(context.Background, flag.Parse, os.Stdout, runtime.NumCPU, &sync.Mutex{}, &atomic.Int64{}, time.Now)
