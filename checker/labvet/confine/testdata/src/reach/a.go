package reach

import (
	"fmt"
	"os/exec"       // want `import "os/exec" is not allowed in a lab file: it runs or loads other programs`
	"runtime/debug" // want `import "runtime/debug" is not allowed`
	"syscall"       // want `import "syscall" is not allowed in a lab file: it makes system calls`
	"testing"       // want `import "testing" is not allowed in a lab file: the test framework belongs to the lab's tests`
	"unsafe"        // want `import "unsafe" is not allowed in a lab file: it reads and writes memory around Go's rules`

	"example.com/harness" // want `import "example.com/harness" is not allowed in a lab file: only the standard library, github.com/racelab/racelab/labs/internal/overlap and the lab.s own packages are`
)

var _ = fmt.Sprint(exec.Command, debug.SetGCPercent, syscall.Getpid, testing.Short, unsafe.Sizeof(0), harness.X)
