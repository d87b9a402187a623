// Package mutate makes the cheats a lab must reject, from its shipped program
// and its solution: the solution with a go statement removed (the work runs
// serially and nothing races), the solution with every goroutine holding one
// lock for its whole life (serialised), the shipped program with a
// time.Sleep where the TODO is (the student's first "fix"), and the solution
// with the fix's synchronisation replaced by sleeps. verify runs each one and
// reports a lab that lets any of them pass.
package mutate

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"sort"
	"strings"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/racelab/racelab/checker/internal/linediff"
	"github.com/racelab/racelab/checker/lab"
)

// Mutant is one mutated version of a file.
type Mutant struct {
	Name string // what was changed, e.g. "no-go@42"
	Src  []byte
}

const sleep = "time.Sleep(100 * time.Millisecond)"

// RemoveGo returns one mutant per go statement in src, each with that
// statement's go keyword removed so its call runs in place, plus one with
// every go keyword removed when there are several.
func RemoveGo(filename string, src []byte) ([]Mutant, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filename, src, parser.ParseComments)
	if err != nil {
		return nil, fmt.Errorf("mutate: %w", err)
	}
	var offsets []int
	ast.Inspect(f, func(n ast.Node) bool {
		if g, ok := n.(*ast.GoStmt); ok {
			offsets = append(offsets, fset.Position(g.Go).Offset)
		}
		return true
	})
	var out []Mutant
	for _, off := range offsets {
		m, err := edit(filename, src, []int{off}, nil)
		if err != nil {
			return nil, err
		}
		out = append(out, Mutant{Name: fmt.Sprintf("no-go@%d", lineOf(src, off)), Src: m})
	}
	if len(offsets) > 1 {
		m, err := edit(filename, src, offsets, nil)
		if err != nil {
			return nil, err
		}
		out = append(out, Mutant{Name: "no-go@all", Src: m})
	}
	return out, nil
}

// SleepAtTODO returns src with a time.Sleep statement at every TODO comment
// that sits among statements, which is what a student tries first. It
// reports false when no TODO is at a statement position.
func SleepAtTODO(filename string, src []byte) (Mutant, bool, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filename, src, parser.ParseComments)
	if err != nil {
		return Mutant{}, false, fmt.Errorf("mutate: %w", err)
	}
	var lines []int
	for _, cg := range f.Comments {
		// The instructor's own placeholders are not where a student works.
		text := strings.ReplaceAll(cg.Text(), lab.Placeholder, "")
		if !strings.Contains(text, "TODO") || !inBlock(f, cg.Pos()) {
			continue
		}
		// Insert after the comment group so the statement lands where the
		// comment says the fix goes.
		lines = append(lines, fset.Position(cg.End()).Line+1)
	}
	if len(lines) == 0 {
		return Mutant{}, false, nil
	}
	m, err := insertLines(filename, src, lines, sleep)
	if err != nil {
		return Mutant{}, false, err
	}
	return Mutant{Name: "sleep-at-todo", Src: m}, true, nil
}

// SleepForSync returns src with each synchronising statement the fix added
// (x.Wait(), x.Lock(), x.Unlock(), x.RLock(), x.RUnlock(), a bare channel
// receive) replaced by a sleep: the cheat of a student who "waits long
// enough" instead of synchronising. Statements already in the shipped
// program are kept, since the cheat replaces the fix, not the program's
// other synchronisation; with shipped nil, every such statement is
// replaced. The receiver stays referenced (`_ = &mu`) so that the mutant
// still compiles when the variable has no other use. It reports false when
// there is nothing to replace.
func SleepForSync(filename string, src, shipped []byte) (Mutant, bool, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filename, src, parser.ParseComments)
	if err != nil {
		return Mutant{}, false, fmt.Errorf("mutate: %w", err)
	}
	var fixLines map[int]bool // 0-based lines of src the fix added
	if shipped != nil {
		fixLines = linediff.AddedLines(normalise(shipped), normalise(src))
	}
	type span struct {
		from, to int
		text     string
	}
	var spans []span
	// A select's case is a receive, but no other statement may stand in
	// its place: a sleep there would not compile.
	comms := map[ast.Stmt]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		var call ast.Expr
		var stmt ast.Node
		switch s := n.(type) {
		case *ast.CommClause:
			comms[s.Comm] = true
			return true
		case *ast.ExprStmt:
			if comms[s] {
				return true
			}
			call, stmt = s.X, s
		case *ast.DeferStmt:
			call, stmt = s.Call, s
		default:
			return true
		}
		if !isSyncCall(call) {
			return true
		}
		if fixLines != nil && !fixLines[fset.Position(stmt.Pos()).Line-1] {
			return true
		}
		text := sleep
		if keep := keepReferenced(fset, src, call); keep != "" {
			text = keep + "; " + sleep
		}
		spans = append(spans, span{fset.Position(stmt.Pos()).Offset, fset.Position(stmt.End()).Offset, text})
		return true
	})
	if len(spans) == 0 {
		return Mutant{}, false, nil
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].from > spans[j].from })
	out := append([]byte(nil), src...)
	for _, s := range spans {
		out = append(out[:s.from], append([]byte(s.text), out[s.to:]...)...)
	}
	m, err := finish(filename, out)
	if err != nil {
		return Mutant{}, false, err
	}
	return Mutant{Name: "sleep-for-sync", Src: m}, true, nil
}

// keepReferenced returns a statement that still uses the synchronising
// value of call (`_ = &mu` for mu.Lock(), `_ = ch` for <-ch), or "" when the
// value is not a plain variable or field, whose use needs no keeping.
func keepReferenced(fset *token.FileSet, src []byte, call ast.Expr) string {
	var x ast.Expr
	addr := false
	switch e := ast.Unparen(call).(type) {
	case *ast.UnaryExpr:
		x = e.X
	case *ast.CallExpr:
		if sel, ok := e.Fun.(*ast.SelectorExpr); ok {
			x, addr = sel.X, true
		}
	}
	if !isVarPath(x) {
		return ""
	}
	text := string(src[fset.Position(x.Pos()).Offset:fset.Position(x.End()).Offset])
	if addr {
		return "_ = &" + text
	}
	return "_ = " + text
}

// isVarPath reports whether e is a variable or a chain of fields (mu,
// c.mu, s.state.mu): something whose address can be taken.
func isVarPath(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name != "_"
	case *ast.SelectorExpr:
		return isVarPath(e.X)
	}
	return false
}

// normalise prepares lines for comparison: surrounding space and line
// comments (such as the solution's "// fix:" notes) do not make a line
// different.
func normalise(src []byte) []string {
	lines := strings.Split(string(src), "\n")
	for i, l := range lines {
		if j := strings.Index(l, "//"); j >= 0 {
			l = l[:j]
		}
		lines[i] = strings.TrimSpace(l)
	}
	return lines
}

// serialLock is the name of the package-level mutex Serialise adds; the
// prefix keeps it clear of the program's own names.
const serialLock = "racelabSerial"

// Serialise returns src with every goroutine started from a function
// literal holding one package-wide lock for its whole life: the "fix" that
// makes the goroutines run one after another, so nothing races and nothing
// overlaps. A lab whose program demands overlap (overlap.Work under
// RACELAB_OVERLAP) must reject it as not concurrent. It reports false when
// no go statement starts a function literal.
func Serialise(filename string, src []byte) (Mutant, bool, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filename, src, parser.ParseComments)
	if err != nil {
		return Mutant{}, false, fmt.Errorf("mutate: %w", err)
	}
	syncName := "sync"
	for _, imp := range f.Imports {
		if imp.Path.Value == `"sync"` && imp.Name != nil {
			syncName = imp.Name.Name
		}
	}
	var offsets []int
	ast.Inspect(f, func(n ast.Node) bool {
		if g, ok := n.(*ast.GoStmt); ok {
			if lit, ok := ast.Unparen(g.Call.Fun).(*ast.FuncLit); ok {
				offsets = append(offsets, fset.Position(lit.Body.Lbrace).Offset+1)
			}
		}
		return true
	})
	if len(offsets) == 0 {
		return Mutant{}, false, nil
	}
	sort.Sort(sort.Reverse(sort.IntSlice(offsets)))
	out := append([]byte(nil), src...)
	lock := fmt.Sprintf("\n%s.Lock()\ndefer %s.Unlock()\n", serialLock, serialLock)
	for _, off := range offsets {
		out = append(out[:off], append([]byte(lock), out[off:]...)...)
	}
	out = append(out, fmt.Sprintf("\n// %s makes every goroutine run alone (a cheat verify tries).\nvar %s %s.Mutex\n", serialLock, serialLock, syncName)...)
	if syncName == "sync" {
		out, err = addImport(filename, out, "sync")
		if err != nil {
			return Mutant{}, false, err
		}
	}
	m, err := finish(filename, out)
	if err != nil {
		return Mutant{}, false, err
	}
	return Mutant{Name: "serialise", Src: m}, true, nil
}

// addImport adds the import path to src unless it is already there.
func addImport(filename string, src []byte, path string) ([]byte, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filename, src, parser.ParseComments)
	if err != nil {
		return nil, fmt.Errorf("mutate: the mutant of %s does not parse: %w", filename, err)
	}
	astutil.AddImport(fset, f, path)
	var b bytes.Buffer
	if err := format.Node(&b, fset, f); err != nil {
		return nil, fmt.Errorf("mutate: formatting %s: %w", filename, err)
	}
	return b.Bytes(), nil
}

func isSyncCall(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		return e.Op == token.ARROW
	case *ast.CallExpr:
		sel, ok := e.Fun.(*ast.SelectorExpr)
		if !ok || len(e.Args) != 0 {
			return false
		}
		switch sel.Sel.Name {
		case "Wait", "Lock", "Unlock", "RLock", "RUnlock":
			return true
		}
	}
	return false
}

// inBlock reports whether pos lies directly among the statements of a
// function body or other block (not inside a type or an expression).
func inBlock(f *ast.File, pos token.Pos) bool {
	found := false
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil || found {
			return false
		}
		if pos < n.Pos() || pos >= n.End() {
			return false
		}
		switch b := n.(type) {
		case *ast.BlockStmt:
			for _, s := range b.List {
				if pos >= s.Pos() && pos < s.End() {
					return true // inside a statement: look deeper
				}
			}
			found = true
			return false
		case *ast.CaseClause, *ast.CommClause:
			return true
		}
		return true
	})
	return found
}

func lineOf(src []byte, off int) int { return bytes.Count(src[:off], []byte("\n")) + 1 }

// edit deletes the go keyword (and the space after it) at each offset.
func edit(filename string, src []byte, offsets []int, _ []string) ([]byte, error) {
	sorted := append([]int(nil), offsets...)
	sort.Sort(sort.Reverse(sort.IntSlice(sorted)))
	out := append([]byte(nil), src...)
	for _, off := range sorted {
		out = append(out[:off], bytes.TrimLeft(out[off+len("go"):], " \t")...)
	}
	return finish(filename, out)
}

// insertLines inserts stmt before each of the given 1-based lines.
func insertLines(filename string, src []byte, lines []int, stmt string) ([]byte, error) {
	want := map[int]bool{}
	for _, l := range lines {
		want[l] = true
	}
	var b bytes.Buffer
	for i, line := range strings.SplitAfter(string(src), "\n") {
		if want[i+1] {
			b.WriteString(stmt + "\n")
		}
		b.WriteString(line)
	}
	return finish(filename, b.Bytes())
}

// finish makes sure "time" is imported and the result is gofmt'd, which
// also proves the mutant still parses.
func finish(filename string, src []byte) ([]byte, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filename, src, parser.ParseComments)
	if err != nil {
		return nil, fmt.Errorf("mutate: the mutant of %s does not parse: %w", filename, err)
	}
	if bytes.Contains(src, []byte("time.Sleep")) {
		astutil.AddImport(fset, f, "time")
	}
	var b bytes.Buffer
	if err := format.Node(&b, fset, f); err != nil {
		return nil, fmt.Errorf("mutate: formatting %s: %w", filename, err)
	}
	return b.Bytes(), nil
}
