package harness

import (
	"os"
	"strings"
	"testing"

	"github.com/racelab/racelab/checker/lab"
	"github.com/racelab/racelab/checker/labvet"
)

// EnvSkipStatic names the variable the grader sets when it runs the static
// checks itself, outside the sandbox that runs the test binary (they need
// the go command, which the sandbox does not have).
const EnvSkipStatic = "RACELAB_SKIP_STATIC"

func runStatic(t *testing.T) {
	if os.Getenv(EnvSkipStatic) != "" {
		t.Skip("static checks run by the grader")
	}
	l, err := lab.Load(".")
	if err != nil {
		t.Fatalf("racelab: broken lab.toml (tell your instructor): %v", err)
	}
	findings, err := labvet.Check(".", l.Fix, l.Editable)
	if err != nil {
		t.Fatalf("racelab: static checks could not run: %v", err)
	}
	for _, f := range findings {
		t.Errorf("%s %s", MarkStatic, f)
	}
	if len(findings) > 0 {
		t.Log(strings.TrimSpace(`
racelab: the program may pass its runs, but the fix is not the one this lab teaches.`))
	}
}
