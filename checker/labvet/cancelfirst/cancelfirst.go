// Package cancelfirst defines an analyzer that reports a goroutine that
// cancels the others before it hands on the error that made it cancel.
//
//	p, err := api.price(ctx, sku)
//	if err != nil {
//		cancel()
//		mu.Lock()
//		if first == nil {
//			first = err
//		}
//		mu.Unlock()
//	}
//
// keeps the first error under a lock, and nothing races. But the moment
// cancel returns, the goroutines it gave up on return context.Canceled,
// and any of them can take the lock first: the error reported is then one
// the program caused, not the failure. The same holds for an error sent on
// a channel, returned to an errgroup, or kept with a sync.Once after the
// cancel. At GOMAXPROCS=1 the canceller usually keeps the CPU until it
// blocks, so a run rarely shows it; a lab's fixture can make it show only
// when it sees the cancel (lab 20 does, for a context made directly from
// quote's), so this check backs the runs up.
//
// A cancel that carries the error (cancel(err) of a CancelCauseFunc) keeps
// it itself: the first cause is the one that sticks. Not reported either:
//   - a cancel after the error was kept;
//   - a cancel made while the goroutine holds a lock (the others cannot
//     keep theirs until it lets go, having kept its own);
//   - code that does not run as a goroutine of its own (a loop in main that
//     receives the errors one by one and already holds the one it keeps);
//   - a file that names context.Canceled or DeadlineExceeded: it tells the
//     errors of the goroutines it gave up on from the others, and whether it
//     does so right is for the runs to show.
package cancelfirst

import (
	"slices"
	"strings"

	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/racelab/racelab/checker/labvet/internal/student"
)

// msg names the cancel and the error as the code writes them, never a
// line: a finding must read the same in the shipped file and in the
// student's (labvet.Change).
const msg = "%s() comes before %s is handed on: a goroutine this cancel gives up on can hand on its own error (context.Canceled) first"

// New returns the analyzer, limited to the files named in files (base
// names; all files when empty).
func New(files []string) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "cancelfirst",
		Doc:      "reports a goroutine that cancels the others before it hands on the error that made it cancel",
		Requires: []*analysis.Analyzer{inspect.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
			reported := map[token.Pos]bool{}
			sorts := sortsCancelled(pass, files)
			insp.WithStack([]ast.Node{(*ast.FuncLit)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
				if !push || !student.File(pass, n.Pos(), files) || sorts[pass.Fset.File(n.Pos())] || !ownGoroutine(pass, n.(*ast.FuncLit), stack) {
					return true
				}
				ast.Inspect(n.(*ast.FuncLit).Body, func(n ast.Node) bool {
					if s, ok := n.(*ast.IfStmt); ok {
						check(pass, s, reported)
					}
					return true
				})
				return true
			})
			return nil, nil
		},
	}
}

// ownGoroutine reports whether lit runs as a goroutine of its own, beside
// others like it: the function of a go statement, or one handed to a Go
// method (errgroup.Group's, sync.WaitGroup's, a pool's).
func ownGoroutine(pass *analysis.Pass, lit *ast.FuncLit, stack []ast.Node) bool {
	if len(stack) < 2 {
		return false
	}
	call, ok := stack[len(stack)-2].(*ast.CallExpr)
	if !ok {
		return false
	}
	if len(stack) >= 3 && call.Fun == lit {
		_, ok := stack[len(stack)-3].(*ast.GoStmt)
		return ok
	}
	fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
	if !ok {
		return false
	}
	sig := fn.Type().(*types.Signature)
	return sig.Recv() != nil && (fn.Name() == "Go" || fn.Name() == "TryGo")
}

// check reports, in the body of `if err != nil`, a cancel that comes before
// a statement that hands err on.
func check(pass *analysis.Pass, s *ast.IfStmt, reported map[token.Pos]bool) {
	errVar := failed(pass, s.Cond)
	if errVar == nil {
		return
	}
	var held []string // the locks taken and not yet let go, as written
	for i, st := range s.Body.List {
		held = locking(pass, st, held)
		c := cancelCall(pass, st, errVar)
		if c == nil {
			continue
		}
		if len(held) > 0 {
			return
		}
		for _, later := range s.Body.List[i+1:] {
			if handsOn(pass, later, errVar) {
				if !reported[c.Pos()] {
					reported[c.Pos()] = true
					pass.Reportf(c.Pos(), msg, types.ExprString(c.Fun), errVar.Name())
				}
				return
			}
		}
		return
	}
}

// failed returns the error variable of a condition `err != nil` (either
// way round).
func failed(pass *analysis.Pass, cond ast.Expr) *types.Var {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.NEQ {
		return nil
	}
	x := b.X
	if isNil(pass, x) {
		x = b.Y
	} else if !isNil(pass, b.Y) {
		return nil
	}
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || !types.Identical(v.Type(), types.Universe.Lookup("error").Type()) {
		return nil
	}
	return v
}

func isNil(pass *analysis.Pass, e ast.Expr) bool {
	return pass.TypesInfo.Types[e].IsNil()
}

// cancelCall returns the call of a context.CancelFunc or CancelCauseFunc
// that the statement st is, when it does not carry errVar (a cause).
func cancelCall(pass *analysis.Pass, st ast.Stmt, errVar *types.Var) *ast.CallExpr {
	es, ok := st.(*ast.ExprStmt)
	if !ok {
		return nil
	}
	call, ok := ast.Unparen(es.X).(*ast.CallExpr)
	if !ok || !isCancelFunc(pass.TypesInfo.TypeOf(call.Fun)) {
		return nil
	}
	for _, a := range call.Args {
		if handsOn(pass, a, errVar) {
			return nil
		}
	}
	return call
}

func isCancelFunc(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "context" {
		return false
	}
	return n.Obj().Name() == "CancelFunc" || n.Obj().Name() == "CancelCauseFunc"
}

// handsOn reports whether n passes errVar on where another goroutine, or
// the code after the goroutines, takes it: returns it, stores it, sends
// it, or gives it to a call (a sync.Once's function, a helper, a cancel as
// its cause). Printing it is not handing it on.
func handsOn(pass *analysis.Pass, n ast.Node, errVar *types.Var) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if found {
			return false
		}
		if call, ok := n.(*ast.CallExpr); ok && printing(pass, call) {
			return false
		}
		if id, ok := n.(*ast.Ident); ok && pass.TypesInfo.Uses[id] == errVar {
			found = true
		}
		return true
	})
	return found
}

// printing reports whether call only prints: fmt's Print and Fprint
// functions, or log's. (fmt.Errorf or Sprint make a value that can be
// handed on.)
func printing(pass *analysis.Pass, call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() {
	case "fmt":
		return strings.HasPrefix(fn.Name(), "Print") || strings.HasPrefix(fn.Name(), "Fprint")
	case "log", "log/slog":
		return true
	}
	return false
}

// locking returns the locks held after the statement st, given those held
// before it: a Lock or RLock call takes one, an Unlock or RUnlock lets it
// go, a deferred Unlock keeps it to the end.
func locking(pass *analysis.Pass, st ast.Stmt, held []string) []string {
	es, ok := st.(*ast.ExprStmt)
	if !ok {
		return held
	}
	call, ok := ast.Unparen(es.X).(*ast.CallExpr)
	if !ok {
		return held
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return held
	}
	fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "sync" {
		return held
	}
	lock := types.ExprString(sel.X)
	switch fn.Name() {
	case "Lock", "RLock":
		return append(held, lock)
	case "Unlock", "RUnlock":
		if i := slices.Index(held, lock); i >= 0 {
			return slices.Delete(held, i, i+1)
		}
	}
	return held
}

// sortsCancelled returns the files that name context.Canceled or
// context.DeadlineExceeded.
func sortsCancelled(pass *analysis.Pass, files []string) map[*token.File]bool {
	sorts := map[*token.File]bool{}
	for id, obj := range pass.TypesInfo.Uses {
		if v, ok := obj.(*types.Var); ok && v.Pkg() != nil && v.Pkg().Path() == "context" &&
			(v.Name() == "Canceled" || v.Name() == "DeadlineExceeded") && student.File(pass, id.Pos(), files) {
			sorts[pass.Fset.File(id.Pos())] = true
		}
	}
	return sorts
}
