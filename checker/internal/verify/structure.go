package verify

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/racelab/racelab/checker/lab"
)

// Structure checks what a lab needs besides valid metadata: its judge
// (lab_test.go, alone in the lab's folder), both READMEs, scripts that say
// what they check, a program whose main hands run to program.Main, Go files
// that are either editable or marked as fixtures, racelab's overlap
// machinery called from fixtures only (never from an editable file, shipped
// or solved: confine refuses it there), translated hints, and a solution for
// every editable file that really differs from the shipped one (and nothing
// else in the solution directory).
func Structure(root string, l *lab.Lab) []string {
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	need := func(name, what string) []byte {
		data, err := os.ReadFile(filepath.Join(l.Dir, name))
		if err != nil {
			bad("%s: missing %s", filepath.Join(l.Dir, name), what)
		}
		return data
	}
	if test := need("lab_test.go", "the lab's judge, whose TestLab calls judge.Run (see docs/lab-format.md)"); test != nil {
		path := filepath.Join(l.Dir, "lab_test.go")
		if !bytes.Contains(test, []byte("judge.Run(")) {
			bad("%s: does not call judge.Run(…): the lab's tests must go through the shared judge (see docs/lab-format.md)", path)
		}
		if !bytes.HasPrefix(bytes.TrimSpace(test), []byte("package lab_test")) && !bytes.Contains(test, []byte("\npackage lab_test\n")) {
			bad("%s: must be package lab_test: the judge is a package of its own that never links the program", path)
		}
	}
	rootGo, _ := filepath.Glob(filepath.Join(l.Dir, "*.go"))
	for _, f := range rootGo {
		if !strings.HasSuffix(f, "_test.go") {
			bad("%s: the lab's folder holds only its judge (lab_test.go): move the program's files into %s/, and data the judge shares with the program into a package of its own", f, l.Program)
		}
	}
	need("README.md", "the English README")
	need("README.id.md", "the Bahasa Indonesia README")

	scripts, _ := filepath.Glob(filepath.Join(l.Dir, "testdata", "*.txtar"))
	if len(scripts) == 0 {
		bad("%s: no testdata/*.txtar scripts: write at least one", l.Dir)
	}
	for _, s := range scripts {
		data, err := os.ReadFile(s)
		if err != nil {
			bad("%s: %v", s, err)
			continue
		}
		if !bytes.HasPrefix(data, []byte("#")) {
			bad("%s: open the script with a # comment that says what it checks", s)
			continue
		}
		var en, id bool
		for line := range bytes.Lines(data) {
			c, ok := bytes.CutPrefix(bytes.TrimSpace(line), []byte("#"))
			if !ok {
				break
			}
			if bytes.HasPrefix(bytes.TrimSpace(c), []byte("id:")) {
				id = true
			} else {
				en = true
			}
		}
		switch {
		case !id:
			bad("%s: say what the script checks in Bahasa Indonesia too, on `# id:` lines after the English comment", s)
		case !en:
			bad("%s: say what the script checks in English too, before its `# id:` lines", s)
		}
	}

	for _, dir := range []string{l.Dir, l.ProgramDir()} {
		mk := filepath.Join(dir, "Makefile")
		if data, err := os.ReadFile(mk); err != nil || string(data) != lab.FolderMakefile {
			bad("%s: missing or changed: a student runs make from the lab's folders too; copy it from another lab (it is lab.FolderMakefile)", mk)
		}
	}

	goFiles, _ := filepath.Glob(filepath.Join(l.ProgramDir(), "*.go"))
	callsMain := false
	for _, f := range goFiles {
		base := filepath.Base(f)
		data, err := os.ReadFile(f)
		if err != nil || slices.Contains(l.Editable, base) {
			continue
		}
		switch {
		case strings.HasSuffix(base, "_test.go"):
			bad("%s: a lab's program has no tests of its own: its judge is lab_test.go in %s", f, l.Dir)
		case !bytes.HasPrefix(data, []byte(lab.FixtureHeader)):
			bad("%s: neither editable nor a fixture: list it in lab.toml's editable, or open it with the line %q so that the grader takes it from your tree", f, lab.FixtureHeader)
		case bytes.Contains(data, []byte("program.Main(run)")):
			callsMain = true
		}
	}
	// A testing lab's program is a package the student's test imports: no
	// main of its own.
	if l.Program != "" && len(goFiles) > 0 && !callsMain && l.Test == nil {
		bad("%s: no fixture of the program calls program.Main(run): add main.go with `func main() { program.Main(run) }` (see docs/lab-format.md), or the program can never pass", l.ProgramDir())
	}

	for i, h := range l.Hints {
		if h.EN != "" && h.EN == h.ID {
			bad("%s: hint[%d].id: the same text as hint[%d].en: translate it into Bahasa Indonesia", filepath.Join(l.Dir, lab.File), i+1, i+1)
		}
	}

	solDir := l.SolutionDir(root)
	for _, f := range l.Editable {
		if shipped, err := os.ReadFile(filepath.Join(l.ProgramDir(), f)); err == nil && importsOverlap(f, shipped) {
			bad("%s: %s", filepath.Join(l.ProgramDir(), f), overlapInEditable)
		}
		sol := filepath.Join(solDir, f)
		solSrc, err := os.ReadFile(sol)
		if err != nil {
			bad("%s: missing: every editable file needs its reference fix", sol)
			continue
		}
		if importsOverlap(f, solSrc) {
			bad("%s: %s", sol, overlapInEditable)
		}
		shipped, err := os.ReadFile(filepath.Join(l.ProgramDir(), f))
		if err == nil && bytes.Equal(shipped, solSrc) {
			bad("%s: identical to the shipped %s: the solution must contain the fix", sol, f)
		}
		if !bytes.Contains(solSrc, []byte("// fix:")) {
			bad("%s: mark the changed lines with a `// fix:` comment", sol)
		}
	}
	if entries, err := os.ReadDir(solDir); err == nil {
		for _, e := range entries {
			if e.IsDir() && (e.Name() == WrongDir || e.Name() == RightDir) {
				continue // the corpus of student fixes, checked by wrongFixes and rightFixes
			}
			if !slices.Contains(l.Editable, e.Name()) {
				bad("%s: not an editable file of %s: the solution holds only the fixed editable files and the corpus folders %s/ and %s/ (remove it, or list it in lab.toml's editable)", filepath.Join(solDir, e.Name()), l.Name(), RightDir, WrongDir)
			}
		}
	}
	return problems
}

// Repository checks what no single lab can: lab directories whose name or
// metadata cannot be read at all (such a lab would otherwise silently drop
// out of verification), numbers used twice, solution directories without
// their lab, and labs that disagree with the course (labs/course.toml): a
// part or notes section the course lacks, or a lab of an earlier part
// after one of a later part. Gaps in the numbering come back as notes: labs
// are written in parallel and merged in any order, so a gap is usually a
// lab still on its way.
func Repository(root string) (problems, notes []string) {
	entries, err := os.ReadDir(filepath.Join(root, "labs"))
	if err != nil {
		return []string{fmt.Sprintf("finding labs: %v", err)}, nil
	}
	names := map[string]bool{}
	byNumber := map[int][]string{}
	var labs []*lab.Lab
	for _, e := range entries {
		if !e.IsDir() || e.Name() == "internal" || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		l, errs := lab.LoadProblems(filepath.Join(root, "labs", e.Name()))
		if l == nil {
			for _, err := range errs {
				problems = append(problems, err.Error())
			}
			continue
		}
		names[l.Name()] = true
		byNumber[l.Number] = append(byNumber[l.Number], l.Name())
		labs = append(labs, l)
	}
	problems = append(problems, courseProblems(root, labs)...)
	var nums []int
	for n, labs := range byNumber {
		nums = append(nums, n)
		if len(labs) > 1 {
			problems = append(problems, fmt.Sprintf("labs %s share the number %02d: renumber all but one (directory and solutions/ alike)", strings.Join(labs, " and "), n))
		}
	}
	if entries, err := os.ReadDir(filepath.Join(root, "solutions")); err == nil {
		for _, e := range entries {
			if e.IsDir() && !names[e.Name()] {
				problems = append(problems, fmt.Sprintf("%s: no lab labs/%s: rename it to match its lab, or remove it", filepath.Join(root, "solutions", e.Name()), e.Name()))
			}
		}
	}
	sort.Ints(nums)
	for i := 1; i < len(nums); i++ {
		for gap := nums[i-1] + 1; gap < nums[i]; gap++ {
			notes = append(notes, fmt.Sprintf("labs/: no lab %02d between %02d and %02d (fine while labs are being merged; `make lab N=%d` finds nothing)", gap, nums[i-1], nums[i], gap))
		}
	}
	sort.Strings(problems)
	return problems, notes
}

// courseProblems checks the labs against labs/course.toml. A lab without a
// part is left out: its own metadata check says the part is missing.
func courseProblems(root string, labs []*lab.Lab) []string {
	var problems []string
	course, err := lab.LoadCourse(root)
	if err != nil {
		problems = append(problems, strings.Split(err.Error(), "\n")...)
	}
	if course == nil || len(course.Parts) == 0 {
		return problems
	}
	var placed []*lab.Lab
	for _, l := range labs {
		if l.Part != 0 {
			placed = append(placed, l)
		}
	}
	sort.SliceStable(placed, func(i, j int) bool { return placed[i].Number < placed[j].Number })
	for _, err := range course.Check(placed) {
		problems = append(problems, err.Error())
	}
	return problems
}

// overlapPkg is racelab's machinery (Work, Window, Settle, Reader): a
// fixture's to call, never the student's file's (issue 11).
const overlapPkg = "github.com/racelab/racelab/labs/internal/overlap"

// overlapInEditable says what is wrong with an editable file that imports
// overlapPkg, and how to fix it.
const overlapInEditable = "imports " + overlapPkg + ", which the static checks (confine) refuse in an editable file: " +
	"racelab's machinery belongs in a fixture file of the program (open it with \"" + lab.FixtureHeader + "\"), " +
	"called by a function with a domain name (say slowStep, calling overlap.Work) that the student's file calls (see docs/lab-format.md)"

// importsOverlap reports whether the Go file src imports overlapPkg.
func importsOverlap(name string, src []byte) bool {
	f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.ImportsOnly)
	if err != nil {
		return false // the build reports it
	}
	return slices.ContainsFunc(f.Imports, func(imp *ast.ImportSpec) bool {
		path, err := strconv.Unquote(imp.Path.Value)
		return err == nil && path == overlapPkg
	})
}
