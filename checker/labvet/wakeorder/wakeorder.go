// Package wakeorder defines an analyzer that reports a sync.Cond's Signal
// or Broadcast that comes before the change it announces.
//
// Waiters of a Cond check their condition under the Cond's lock and Wait
// again while it does not hold. A Signal or Broadcast sent before the
// change is made, outside the lock that guards it, wakes them too early:
// a waiter that gets the lock before the change sees the old state, waits
// again, and nobody wakes it any more (a lost wake-up). Whether that
// happens depends on which goroutine gets the lock first, so a lab's runs
// often miss it. The change belongs first, under the lock; the Signal or
// Broadcast after it (before or after the Unlock).
//
// The analyzer looks at one block at a time: a Signal or Broadcast,
// then a Lock, then a write, in that order among the block's statements.
// A Signal or Broadcast made while the lock is already held is not
// reported: waiters cannot check again before that hold ends, and by then
// the write is made.
package wakeorder

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

// New returns the analyzer, limited to the files named in files (base
// names; all files when empty).
func New(files []string) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "wakeorder",
		Doc:      "reports a sync.Cond's Signal or Broadcast made before the change it announces, outside the lock",
		Requires: []*analysis.Analyzer{inspect.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
			insp.Preorder([]ast.Node{(*ast.BlockStmt)(nil)}, func(n ast.Node) {
				if !student.File(pass, n.Pos(), files) {
					return
				}
				check(pass, n.(*ast.BlockStmt).List)
			})
			return nil, nil
		},
	}
}

// msg names the wake-up and the write by their source, never by a line: a
// finding must read the same in the shipped file and the student's
// (labvet.Change).
const msg = "%s comes before the change it announces (%s, made under the lock after it): a goroutine it wakes can check before the change, wait again, and never be woken; make the change first, then %s"

func check(pass *analysis.Pass, stmts []ast.Stmt) {
	held := false // a Lock earlier in the block is not yet undone
	for i, s := range stmts {
		switch method(pass, s) {
		case "Lock":
			held = true
			continue
		case "Unlock":
			held = false
			continue
		case "Signal", "Broadcast":
			if held {
				continue
			}
			if w := writeAfterLock(pass, stmts[i+1:]); w != nil {
				call := s.(*ast.ExprStmt).X.(*ast.CallExpr)
				wake := types.ExprString(call.Fun) + "()"
				pass.Reportf(call.Pos(), msg, wake, types.ExprString(w), wake)
			}
		}
	}
}

// writeAfterLock returns what the first write made after a Lock among
// stmts writes, before the matching Unlock; nil when there is none.
func writeAfterLock(pass *analysis.Pass, stmts []ast.Stmt) ast.Expr {
	locked := false
	for _, s := range stmts {
		switch method(pass, s) {
		case "Lock":
			locked = true
			continue
		case "Unlock":
			if locked {
				return nil
			}
			continue
		}
		if !locked {
			continue
		}
		switch w := s.(type) {
		case *ast.AssignStmt:
			if w.Tok != token.DEFINE && shared(pass, w.Lhs[0]) {
				return w.Lhs[0]
			}
		case *ast.IncDecStmt:
			if shared(pass, w.X) {
				return w.X
			}
		}
	}
	return nil
}

// shared reports whether a write target can be what waiters check: a
// field, an element, what a pointer points to, or a package-level
// variable; not a local (a copy read out under the lock).
func shared(pass *analysis.Pass, e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.SelectorExpr, *ast.IndexExpr, *ast.StarExpr:
		return true
	case *ast.Ident:
		v, ok := pass.TypesInfo.ObjectOf(x).(*types.Var)
		return ok && v.Parent() == v.Pkg().Scope()
	}
	return false
}

// method names the sync method a statement calls on its own: Lock and
// Unlock of a sync.Mutex or RWMutex (or a sync.Locker), Signal and
// Broadcast of a sync.Cond; "" for anything else.
func method(pass *analysis.Pass, s ast.Stmt) string {
	es, ok := s.(*ast.ExprStmt)
	if !ok {
		return ""
	}
	call, ok := es.X.(*ast.CallExpr)
	if !ok {
		return ""
	}
	fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "sync" {
		return ""
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return ""
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named := ""
	if n, ok := t.(*types.Named); ok {
		named = n.Obj().Name()
	}
	switch {
	case named == "Cond" && (fn.Name() == "Signal" || fn.Name() == "Broadcast"):
		return fn.Name()
	case (named == "Mutex" || named == "RWMutex" || named == "Locker") && (fn.Name() == "Lock" || fn.Name() == "Unlock"):
		return fn.Name()
	}
	return ""
}
