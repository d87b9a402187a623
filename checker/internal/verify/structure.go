package verify

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/racelab/racelab/checker/lab"
)

// Structure checks what a lab needs besides valid metadata: its test file,
// both READMEs, scripts that say what they check, and a solution for every
// editable file that really differs from the shipped one.
func Structure(root string, l *lab.Lab) []string {
	var problems []string
	need := func(rel, what string) {
		if _, err := os.Stat(filepath.Join(l.Dir, rel)); err != nil {
			problems = append(problems, fmt.Sprintf("%s: missing %s", filepath.Join(l.Dir, rel), what))
		}
	}
	need("lab_test.go", "the test file that hands the program to the harness (see docs/lab-format.md)")
	need("README.md", "the English README")
	need("README.id.md", "the Bahasa Indonesia README")
	scripts, _ := filepath.Glob(filepath.Join(l.Dir, "testdata", "*.txtar"))
	if len(scripts) == 0 {
		problems = append(problems, fmt.Sprintf("%s: no testdata/*.txtar scripts: write at least one", l.Dir))
	}
	for _, s := range scripts {
		data, err := os.ReadFile(s)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", s, err))
			continue
		}
		if !bytes.HasPrefix(data, []byte("#")) {
			problems = append(problems, fmt.Sprintf("%s: open the script with a # comment that says what it checks", s))
		}
	}
	for _, f := range l.Editable {
		sol := filepath.Join(l.SolutionDir(root), f)
		solSrc, err := os.ReadFile(sol)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: missing: every editable file needs its reference fix", sol))
			continue
		}
		shipped, err := os.ReadFile(filepath.Join(l.Dir, f))
		if err == nil && bytes.Equal(shipped, solSrc) {
			problems = append(problems, fmt.Sprintf("%s: identical to the shipped %s: the solution must contain the fix", sol, f))
		}
		if !strings.Contains(string(solSrc), "// fix:") {
			problems = append(problems, fmt.Sprintf("%s: mark the changed lines with a `// fix:` comment", sol))
		}
	}
	return problems
}
