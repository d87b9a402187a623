package verify

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/racelab/racelab/checker/lab"
	"github.com/racelab/racelab/checker/protocol"
)

// The corpus of a lab: fixes a class would write, besides the reference
// one, each in a folder of its own inside the lab's solution folder and
// holding the editable files it changes (it starts from the solution):
//
//   - WrongDir: mistakes a student is likely to make (the mutants cannot
//     guess them). Each must fail, for the reason its `// want:` line names
//     (the mistake: race, deadlock, wrong-fix, …), in every run;
//   - RightDir: correct alternatives. Each must get the verdict its
//     `// want:` line names in every run: pass, or other-kind for a correct
//     fix of another kind than the lab teaches.
//
// The first line of the first file's opening // comment says, in one line,
// what the fix does; a `// want: REASON[, REASON]` line among those comment
// lines says what it must get. verify runs every entry as many times as the
// solution, with the static checks on, so a hole found once stays closed
// and a right fix is never again called wrong.
const (
	WrongDir = "wrong"
	RightDir = "right"
)

// fix is one entry of the corpus.
type fix struct {
	name, about string
	files       map[string][]byte
	want        []protocol.Reason // nil: any failure (a wrong fix without a want line)
}

// wrongFixes and rightFixes read a lab's corpus. Mistakes in the folders
// are returned as problems, naming the file and what to do.
func wrongFixes(root string, l *lab.Lab, solution map[string][]byte) ([]fix, []string) {
	return corpus(root, l, solution, WrongDir)
}

func rightFixes(root string, l *lab.Lab, solution map[string][]byte) ([]fix, []string) {
	return corpus(root, l, solution, RightDir)
}

func corpus(root string, l *lab.Lab, solution map[string][]byte, kind string) ([]fix, []string) {
	dir := filepath.Join(l.SolutionDir(root), kind)
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, []string{fmt.Sprintf("%s: %v", dir, err)}
	}
	var out []fix
	var problems []string
	for _, e := range entries {
		sub := filepath.Join(dir, e.Name())
		if !e.IsDir() {
			problems = append(problems, fmt.Sprintf("%s: not a folder: put each fix in its own folder, %s/NAME/, holding the editable files it changes", sub, dir))
			continue
		}
		m, errs := readFix(sub, kind, l, solution)
		problems = append(problems, errs...)
		if m != nil {
			out = append(out, *m)
		}
	}
	return out, problems
}

func readFix(dir, kind string, l *lab.Lab, solution map[string][]byte) (*fix, []string) {
	files, err := os.ReadDir(dir)
	if err != nil {
		return nil, []string{fmt.Sprintf("%s: %v", dir, err)}
	}
	m := &fix{name: kind + "/" + filepath.Base(dir), files: map[string][]byte{}}
	for k, v := range solution {
		m.files[k] = v
	}
	var problems []string
	changed := 0
	for _, f := range files {
		path := filepath.Join(dir, f.Name())
		if !slices.Contains(l.Editable, f.Name()) {
			problems = append(problems, fmt.Sprintf("%s: not an editable file of %s (%s): a fix may only change those", path, l.Name(), strings.Join(l.Editable, ", ")))
			continue
		}
		src, err := os.ReadFile(path)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", path, err))
			continue
		}
		if m.about == "" {
			m.about = leadingComment(src)
			want, err := wantLine(src)
			if err != nil {
				return nil, append(problems, fmt.Sprintf("%s: %v", path, err))
			}
			m.want = want
		}
		m.files[f.Name()] = src
		changed++
	}
	if changed == 0 {
		return nil, append(problems, fmt.Sprintf("%s: holds no editable file of %s: add the version of %s with the fix", dir, l.Name(), strings.Join(l.Editable, " or ")))
	}
	if m.about == "" {
		return nil, append(problems, fmt.Sprintf("%s: open the file with a // comment that says, in one line, what this fix does", dir))
	}
	switch {
	case kind == RightDir && (len(m.want) != 1 || (m.want[0] != protocol.Pass && m.want[0] != protocol.OtherKind)):
		return nil, append(problems, fmt.Sprintf("%s: a right fix says what it must get: `// want: pass` (the lab's kind) or `// want: other-kind`", dir))
	case kind == WrongDir && slices.ContainsFunc(m.want, func(r protocol.Reason) bool { return r == protocol.Pass || r == protocol.OtherKind }):
		return nil, append(problems, fmt.Sprintf("%s: a wrong fix must fail: its want line names the reasons it fails for (race, deadlock, wrong-fix, …)", dir))
	}
	return m, problems
}

// wantLine reads the `// want: REASON[, REASON]` line among the // comment
// lines src opens with; nil when there is none.
func wantLine(src []byte) ([]protocol.Reason, error) {
	for line := range bytes.Lines(src) {
		text, ok := bytes.CutPrefix(bytes.TrimSpace(line), []byte("//"))
		if !ok {
			break
		}
		rest, ok := bytes.CutPrefix(bytes.TrimSpace(text), []byte("want:"))
		if !ok {
			continue
		}
		var out []protocol.Reason
		for _, f := range strings.FieldsFunc(string(rest), func(r rune) bool { return r == ',' || r == ' ' }) {
			r := protocol.Reason(f)
			if r != protocol.Pass && protocol.Rank(r) == len(protocol.Order()) {
				return nil, fmt.Errorf("want: %q is not a reason (%s)", f, reasonList())
			}
			out = append(out, r)
		}
		if len(out) == 0 {
			return nil, fmt.Errorf("want: name at least one reason (%s)", reasonList())
		}
		return out, nil
	}
	return nil, nil
}

func reasonList() string {
	var names []string
	for _, r := range reasonOrder() {
		names = append(names, string(r))
	}
	return strings.Join(names, ", ")
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
