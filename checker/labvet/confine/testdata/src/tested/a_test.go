package tested

import (
	"os/exec" // want `import "os/exec" is not allowed in a lab file`
	"testing" // a student's test in a testing lab: the framework is its own
	"testing/synctest"

	"go.uber.org/goleak"
)

func TestA(t *testing.T) {
	defer goleak.VerifyNone(t)
	synctest.Test(t, func(t *testing.T) {})
	_ = exec.Command
}
