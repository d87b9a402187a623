// Package trylock defines an analyzer that reports a TryLock whose failure
// skips the work the lock guards.
//
// `if mu.TryLock() { count++; mu.Unlock() }` never races: the race
// detector is silent, and a run loses an update only when two goroutines
// meet at that very moment, which a lab's runs rarely make happen. But the
// work is dropped, not delayed, whenever another goroutine holds the lock.
// Lock waits its turn. A TryLock retried in a loop until it succeeds is
// spin's finding, not this one: the work is done, late.
package trylock

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/racelab/racelab/checker/labvet/internal/student"
	"golang.org/x/tools/go/types/typeutil"
)

// msg names the call as the code writes it, never its line: a finding must
// read the same in the shipped file and in the student's (labvet.Change).
const msg = "%s skips the work whenever another goroutine holds the lock: the update is lost, not delayed; call Lock, which waits its turn"

// New returns the analyzer, limited to the files named in files (base
// names; all files when empty).
func New(files []string) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "trylock",
		Doc:      "reports a TryLock whose failure skips the work the lock guards",
		Requires: []*analysis.Analyzer{inspect.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
			insp.WithStack([]ast.Node{(*ast.IfStmt)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
				if !push || !student.File(pass, n.Pos(), files) {
					return true
				}
				if call := skipping(pass, n.(*ast.IfStmt), stack); call != nil {
					pass.Reportf(call.Pos(), msg, types.ExprString(call))
				}
				return true
			})
			return nil, nil
		},
	}
}

// skipping is the TryLock of an if that does the work only when it gets
// the lock and nothing when it does not: `if mu.TryLock() { ... }` with no
// else, or `if !mu.TryLock() { return }` (or continue, or break) that
// leaves before the work. An if in a loop the TryLock's failure goes round
// again to retry (a continue back to a TryLock) is not one: spin's.
func skipping(pass *analysis.Pass, s *ast.IfStmt, stack []ast.Node) *ast.CallExpr {
	cond := ast.Unparen(s.Cond)
	negated := false
	if u, ok := cond.(*ast.UnaryExpr); ok && u.Op == token.NOT {
		negated, cond = true, ast.Unparen(u.X)
	}
	call, ok := cond.(*ast.CallExpr)
	if !ok || !isTryLock(pass, call) {
		return nil
	}
	if !negated {
		if s.Else != nil {
			return nil // the failure does something of its own
		}
		return call
	}
	if s.Else != nil || len(s.Body.List) == 0 {
		return nil
	}
	switch last := s.Body.List[len(s.Body.List)-1].(type) {
	case *ast.ReturnStmt:
		return call
	case *ast.BranchStmt:
		if last.Tok == token.BREAK {
			return call
		}
		if last.Tok == token.CONTINUE && !retries(stack) {
			return call
		}
	}
	return nil
}

// retries reports whether the innermost loop around the if goes round to
// try again rather than on to other work: a for with no condition, or
// one whose condition is not a range or count (for {}, for !done {}).
func retries(stack []ast.Node) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		switch l := stack[i].(type) {
		case *ast.RangeStmt:
			return false
		case *ast.ForStmt:
			return l.Post == nil
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		}
	}
	return false
}

func isTryLock(pass *analysis.Pass, call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "sync" {
		return false
	}
	return fn.Name() == "TryLock" || fn.Name() == "TryRLock"
}
