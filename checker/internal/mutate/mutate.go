// Package mutate makes the cheats a lab must reject, from its shipped program
// and its solution: the solution with a go statement removed (the work runs
// serially and nothing races), the shipped program with a time.Sleep where
// the TODO is (the student's first "fix"), and the solution with its
// synchronisation replaced by sleeps. verify runs each one and reports a lab
// that lets any of them pass.
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
		if !strings.Contains(cg.Text(), "TODO") || !inBlock(f, cg.Pos()) {
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

// SleepForSync returns src with each synchronising statement (x.Wait(),
// x.Lock(), x.Unlock(), x.RLock(), x.RUnlock(), a bare channel receive)
// replaced by a sleep. It reports false when there is nothing to replace.
func SleepForSync(filename string, src []byte) (Mutant, bool, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filename, src, parser.ParseComments)
	if err != nil {
		return Mutant{}, false, fmt.Errorf("mutate: %w", err)
	}
	type span struct{ from, to int }
	var spans []span
	ast.Inspect(f, func(n ast.Node) bool {
		var call ast.Expr
		var stmt ast.Node
		switch s := n.(type) {
		case *ast.ExprStmt:
			call, stmt = s.X, s
		case *ast.DeferStmt:
			call, stmt = s.Call, s
		default:
			return true
		}
		if isSyncCall(call) {
			spans = append(spans, span{fset.Position(stmt.Pos()).Offset, fset.Position(stmt.End()).Offset})
		}
		return true
	})
	if len(spans) == 0 {
		return Mutant{}, false, nil
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].from > spans[j].from })
	out := append([]byte(nil), src...)
	for _, s := range spans {
		out = append(out[:s.from], append([]byte(sleep), out[s.to:]...)...)
	}
	m, err := finish(filename, out)
	if err != nil {
		return Mutant{}, false, err
	}
	return Mutant{Name: "sleep-for-sync", Src: m}, true, nil
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
