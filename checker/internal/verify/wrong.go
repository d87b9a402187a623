package verify

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/racelab/racelab/checker/lab"
)

// WrongDir is the folder, inside a lab's solution folder, of hand-written
// wrong fixes: one sub-folder per mistake a student is likely to make (the
// mutants cannot guess them), holding the editable files it changes. verify
// runs each like a cheat and fails the lab when one passes, so a hole found
// once in a lab stays closed.
const WrongDir = "wrong"

// wrongFixes reads the hand-written wrong fixes of l. Each one starts from
// the solution and replaces the files its folder holds; the first line of
// the first file's opening comment says what it does wrong. Mistakes in the
// folder are returned as problems, naming the file and the fix.
func wrongFixes(root string, l *lab.Lab, solution map[string][]byte) ([]mutant, []string) {
	dir := filepath.Join(l.SolutionDir(root), WrongDir)
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, []string{fmt.Sprintf("%s: %v", dir, err)}
	}
	var out []mutant
	var problems []string
	for _, e := range entries {
		sub := filepath.Join(dir, e.Name())
		if !e.IsDir() {
			problems = append(problems, fmt.Sprintf("%s: not a folder: put each wrong fix in its own folder, %s/NAME/, holding the editable files it changes", sub, dir))
			continue
		}
		m, errs := wrongFix(sub, l, solution)
		problems = append(problems, errs...)
		if m != nil {
			out = append(out, *m)
		}
	}
	return out, problems
}

func wrongFix(dir string, l *lab.Lab, solution map[string][]byte) (*mutant, []string) {
	files, err := os.ReadDir(dir)
	if err != nil {
		return nil, []string{fmt.Sprintf("%s: %v", dir, err)}
	}
	m := &mutant{name: "wrong/" + filepath.Base(dir), files: map[string][]byte{}}
	for k, v := range solution {
		m.files[k] = v
	}
	var problems []string
	changed := 0
	for _, f := range files {
		path := filepath.Join(dir, f.Name())
		if !slices.Contains(l.Editable, f.Name()) {
			problems = append(problems, fmt.Sprintf("%s: not an editable file of %s (%s): a wrong fix may only change those", path, l.Name(), strings.Join(l.Editable, ", ")))
			continue
		}
		src, err := os.ReadFile(path)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", path, err))
			continue
		}
		if m.about == "" {
			m.about = leadingComment(src)
		}
		m.files[f.Name()] = src
		changed++
	}
	if changed == 0 {
		return nil, append(problems, fmt.Sprintf("%s: holds no editable file of %s: add the version of %s with the mistake", dir, l.Name(), strings.Join(l.Editable, " or ")))
	}
	if m.about == "" {
		return nil, append(problems, fmt.Sprintf("%s: open the file with a // comment that says what this fix gets wrong", dir))
	}
	return m, problems
}

// leadingComment returns the first line of the // comment src opens with.
func leadingComment(src []byte) string {
	line, _, _ := bytes.Cut(src, []byte("\n"))
	text, ok := bytes.CutPrefix(bytes.TrimSpace(line), []byte("//"))
	if !ok {
		return ""
	}
	return string(bytes.TrimSpace(text))
}
