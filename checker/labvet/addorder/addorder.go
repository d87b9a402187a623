// Package addorder defines an analyzer that reports a WaitGroup's Add made
// after the go statement whose goroutine it counts.
//
// go vet's waitgroup check reports an Add inside the goroutine; the same
// mistake one line lower, `go work(); wg.Add(1)`, it does not. The
// goroutine may run, and call Done, before the Add: the counter goes below
// zero and the program panics, or a Wait that runs meanwhile returns
// before the goroutine is done. The race detector sees nothing, and a run
// shows it only when the new goroutine is very quick.
package addorder

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/racelab/racelab/checker/labvet/internal/student"
	"golang.org/x/tools/go/types/typeutil"
)

// msg names the WaitGroup as the code writes it, never a line: a finding
// must read the same in the shipped file and in the student's
// (labvet.Change).
const msg = "%s.Add comes after the go statement whose goroutine it counts: the goroutine may call Done before it; call Add before go"

// New returns the analyzer, limited to the files named in files (base
// names; all files when empty).
func New(files []string) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "addorder",
		Doc:      "reports a WaitGroup's Add made after the go statement whose goroutine it counts",
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

// check looks, in one block, for a go statement whose goroutine calls
// Done on a WaitGroup that no Add of the block counted before it and a
// later statement of the same block Adds to.
func check(pass *analysis.Pass, list []ast.Stmt) {
	counted := map[string]int{}  // Adds of 1 made and not yet used by a go; -1: an Add of more, counting every go after it
	pending := map[string]bool{} // WaitGroups a started goroutine Done()s, uncounted
	for _, s := range list {
		if g, ok := s.(*ast.GoStmt); ok {
			for _, wg := range dones(pass, g) {
				switch {
				case counted[wg] > 0:
					counted[wg]--
				case counted[wg] == 0:
					pending[wg] = true
				}
			}
			continue
		}
		wg, call := waitGroupCall(pass, s, "Add")
		if call == nil {
			continue
		}
		if pending[wg] {
			pass.Reportf(call.Pos(), msg, wg)
			delete(pending, wg)
			continue
		}
		if tv, ok := pass.TypesInfo.Types[call.Args[0]]; ok && tv.Value != nil && tv.Value.String() == "1" && counted[wg] >= 0 {
			counted[wg]++
		} else {
			counted[wg] = -1
		}
	}
}

// dones lists the WaitGroups (as the code writes them) whose Done the
// goroutine g starts calls: in a function literal's body, or passed to the
// function it calls (work(&wg)), where Done is presumably called.
func dones(pass *analysis.Pass, g *ast.GoStmt) []string {
	var out []string
	if lit, ok := ast.Unparen(g.Call.Fun).(*ast.FuncLit); ok {
		ast.Inspect(lit.Body, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Done" && isWaitGroupMethod(pass, call) {
					out = append(out, types.ExprString(sel.X))
				}
			}
			return true
		})
	}
	for _, a := range g.Call.Args {
		if u, ok := ast.Unparen(a).(*ast.UnaryExpr); ok {
			a = u.X
		}
		if isWaitGroup(pass.TypesInfo.TypeOf(a)) {
			out = append(out, types.ExprString(a))
		}
	}
	return out
}

// waitGroupCall is s as a call of the WaitGroup method named: the
// WaitGroup, as the code writes it, and the call; nil otherwise.
func waitGroupCall(pass *analysis.Pass, s ast.Stmt, method string) (string, *ast.CallExpr) {
	es, ok := s.(*ast.ExprStmt)
	if !ok {
		return "", nil
	}
	call, ok := ast.Unparen(es.X).(*ast.CallExpr)
	if !ok {
		return "", nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != method || !isWaitGroupMethod(pass, call) {
		return "", nil
	}
	return types.ExprString(sel.X), call
}

func isWaitGroupMethod(pass *analysis.Pass, call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "sync" {
		return false
	}
	recv := fn.Type().(*types.Signature).Recv()
	return recv != nil && isWaitGroup(recv.Type())
}

func isWaitGroup(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "sync" && n.Obj().Name() == "WaitGroup"
}
