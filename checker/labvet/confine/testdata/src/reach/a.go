package reach

import (
	"fmt"
	"os/exec"       // want `import "os/exec" is not allowed in a lab file: it runs or loads other programs`
	"runtime/debug" // want `import "runtime/debug" is not allowed`
	"syscall"       // want `import "syscall" is not allowed in a lab file: it makes system calls`
	"testing"       // want `import "testing" is not allowed in a lab file: the test framework belongs to the lab's tests`
	"unsafe"        // want `import "unsafe" is not allowed in a lab file: it reads and writes memory around Go's rules`

	"example.com/harness"        // want `import "example.com/harness" is not allowed in a lab file: only the standard library, golang.org/x/sync/errgroup, golang.org/x/sync/semaphore, golang.org/x/sync/singleflight and the lab.s own packages are`
	"golang.org/x/sync/errgroup" // the Go team's concurrency helpers are a fix's to use
	"golang.org/x/sync/semaphore"
	"golang.org/x/sync/singleflight"
	"golang.org/x/sync/syncmap" // want `import "golang.org/x/sync/syncmap" is not allowed in a lab file`
)

var _ = fmt.Sprint(exec.Command, debug.SetGCPercent, syscall.Getpid, testing.Short, unsafe.Sizeof(0), harness.X,
	errgroup.Group{}, semaphore.NewWeighted, singleflight.Group{}, syncmap.Map{})
