package exit

import (
	"os"
	. "os"
)

func f() {
	os.Exit(65)                    // want `os.Exit is not allowed in a lab file: os.Exit can end the program with any status`
	exit := os.Exit                // want `os.Exit is not allowed`
	exit(65)                       //
	Exit(65)                       // want `os.Exit is not allowed`
	os.StartProcess("x", nil, nil) // want `os.StartProcess is not allowed in a lab file: os.StartProcess runs other programs`
	_ = os.Getpid()
}
