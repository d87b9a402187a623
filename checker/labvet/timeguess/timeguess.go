// Package timeguess defines an analyzer that reports a wait a timer ends as
// if what it waited for had all come.
//
// `for { select { case c := <-counts: total += c; case <-time.After(d):
// break loop } }` receives until the results stop coming for d, and then
// goes on with what it has as if it were everything. Nothing races and,
// while every goroutine is quicker than d, every run passes: the race
// detector and a lab's runs both see a correct program. But d is a guess
// about how long the others take, not synchronisation: a slower one is cut
// off, its result lost and its goroutine stuck on its send. The same holds
// for a single select that goes on the same way whether the awaited value
// came or the timer fired.
//
// A timer that ends the wait with a failure (returns an error, records
// one, panics) is a deadline, which labs 22 and 29 teach: not reported. A
// select in a loop whose timer case does periodic work and goes round
// again is not a wait that ends: not reported either.
package timeguess

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/racelab/racelab/checker/labvet/internal/comm"
	"github.com/racelab/racelab/checker/labvet/internal/student"
)

// msg names the timer and the awaited channel as the code writes them,
// never a line: a finding must read the same in the shipped file and in
// the student's (labvet.Change).
const msg = "when %s fires, the wait for %s ends as if everything had come: how long the other goroutines take is a guess, not synchronisation"

// New returns the analyzer, limited to the files named in files (base
// names; all files when empty).
func New(files []string) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "timeguess",
		Doc:      "reports a wait that a timer ends as if what it waited for had all come",
		Requires: []*analysis.Analyzer{inspect.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
			timed := timedContexts(pass, insp)
			insp.WithStack([]ast.Node{(*ast.SelectStmt)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
				if !push || !student.File(pass, n.Pos(), files) {
					return true
				}
				check(pass, n.(*ast.SelectStmt), stack, timed)
				return true
			})
			return nil, nil
		},
	}
}

func check(pass *analysis.Pass, s *ast.SelectStmt, stack []ast.Node, timed map[types.Object]bool) {
	var timers, awaited []*ast.CommClause
	for _, c := range s.Body.List {
		cc := c.(*ast.CommClause)
		ch := comm.Received(cc.Comm)
		switch {
		case cc.Comm == nil:
			return // a default: not a wait at all (spin's business)
		case ch == nil:
			// a send: not what is waited for
		case isTimer(pass, ch) || isTimedDone(pass, ch, timed):
			timers = append(timers, cc)
		default:
			awaited = append(awaited, cc)
		}
	}
	if len(timers) == 0 || len(awaited) == 0 {
		return
	}
	loop, labels := enclosingLoop(stack)
	for _, t := range timers {
		if reportsFailure(pass, t.Body) {
			continue
		}
		var waited *ast.CommClause
		if loop != nil {
			// Collects in a loop until the timer leaves it.
			if !leavesLoop(pass, t.Body, loop, labels) {
				continue
			}
			waited = first(awaited, func(c *ast.CommClause) bool { return !leaves(c.Body) })
		} else if !leaves(t.Body) {
			// One wait, and it goes on the same way either way.
			waited = first(awaited, func(c *ast.CommClause) bool { return !leaves(c.Body) })
		}
		if waited != nil {
			pass.Reportf(t.Comm.Pos(), msg, types.ExprString(comm.Received(t.Comm)), types.ExprString(comm.Received(waited.Comm)))
		}
	}
}

func first(cs []*ast.CommClause, ok func(*ast.CommClause) bool) *ast.CommClause {
	for _, c := range cs {
		if ok(c) {
			return c
		}
	}
	return nil
}

// isTimer reports whether ch delivers time.Time values: time.After,
// time.Tick, a Timer's or a Ticker's C, or a variable holding one.
// (A context's Done is a timer's when the context has a timeout:
// isTimedDone.)
func isTimer(pass *analysis.Pass, ch ast.Expr) bool {
	c, ok := pass.TypesInfo.TypeOf(ch).Underlying().(*types.Chan)
	if !ok {
		return false
	}
	named, ok := types.Unalias(c.Elem()).(*types.Named)
	return ok && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == "time" && named.Obj().Name() == "Time"
}

// timedContexts are the variables that hold a context whose Done a timer
// closes: the first result of context.WithTimeout or WithDeadline (or
// their Cause forms).
func timedContexts(pass *analysis.Pass, insp *inspector.Inspector) map[types.Object]bool {
	timed := map[types.Object]bool{}
	insp.Preorder([]ast.Node{(*ast.AssignStmt)(nil)}, func(n ast.Node) {
		a := n.(*ast.AssignStmt)
		if len(a.Rhs) != 1 || len(a.Lhs) == 0 {
			return
		}
		call, ok := a.Rhs[0].(*ast.CallExpr)
		if !ok {
			return
		}
		fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "context" {
			return
		}
		switch fn.Name() {
		case "WithTimeout", "WithDeadline", "WithTimeoutCause", "WithDeadlineCause":
			if id, ok := a.Lhs[0].(*ast.Ident); ok {
				if obj := pass.TypesInfo.ObjectOf(id); obj != nil {
					timed[obj] = true
				}
			}
		}
	})
	return timed
}

// isTimedDone reports whether ch is ctx.Done() of a context a timer
// cancels (timedContexts).
func isTimedDone(pass *analysis.Pass, ch ast.Expr, timed map[types.Object]bool) bool {
	call, ok := ast.Unparen(ch).(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Done" {
		return false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	return ok && timed[pass.TypesInfo.Uses[id]]
}

// enclosingLoop is the innermost loop around the select in its function,
// and the labels that name it.
func enclosingLoop(stack []ast.Node) (ast.Stmt, map[string]bool) {
	for i := len(stack) - 2; i >= 0; i-- {
		switch l := stack[i].(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			labels := map[string]bool{}
			for j := i - 1; j >= 0; j-- {
				ls, ok := stack[j].(*ast.LabeledStmt)
				if !ok {
					break
				}
				labels[ls.Label.Name] = true
			}
			return l.(ast.Stmt), labels
		case *ast.FuncLit, *ast.FuncDecl:
			return nil, nil
		}
	}
	return nil, nil
}

// leaves reports whether a case body ends by leaving: a return, a branch
// (break, continue, goto) or a panic.
func leaves(body []ast.Stmt) bool {
	if len(body) == 0 {
		return false
	}
	switch last := body[len(body)-1].(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		if call, ok := last.X.(*ast.CallExpr); ok {
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "panic" {
				return true
			}
		}
	}
	return false
}

// leavesLoop reports whether a timer case ends the loop: a return, a goto,
// a break naming the loop, or a flag the loop's condition reads set true.
// An unlabelled break leaves only the select, and the loop goes round.
func leavesLoop(pass *analysis.Pass, body []ast.Stmt, loop ast.Stmt, labels map[string]bool) bool {
	if len(body) > 0 {
		switch last := body[len(body)-1].(type) {
		case *ast.ReturnStmt:
			return true
		case *ast.BranchStmt:
			switch last.Tok {
			case token.GOTO:
				return true
			case token.BREAK:
				return last.Label != nil && labels[last.Label.Name]
			}
		}
	}
	f, ok := loop.(*ast.ForStmt)
	if !ok || f.Cond == nil {
		return false
	}
	read := map[types.Object]bool{}
	ast.Inspect(f.Cond, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if obj := pass.TypesInfo.Uses[id]; obj != nil {
				read[obj] = true
			}
		}
		return true
	})
	for _, st := range body {
		if a, ok := st.(*ast.AssignStmt); ok && len(a.Lhs) == 1 && len(a.Rhs) == 1 {
			if id, ok := a.Lhs[0].(*ast.Ident); ok && read[pass.TypesInfo.ObjectOf(id)] {
				return true
			}
		}
	}
	return false
}

// reportsFailure reports whether a timer case gives up with a failure the
// rest of the program sees: it returns or stores an error that is not
// nil, returns false, or panics or exits. Such a timer is a deadline.
func reportsFailure(pass *analysis.Pass, body []ast.Stmt) bool {
	failed := false
	for _, st := range body {
		ast.Inspect(st, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				for _, r := range n.Results {
					failed = failed || failure(pass, r)
				}
			case *ast.AssignStmt:
				for _, r := range n.Rhs {
					failed = failed || isError(pass, r) && !isNil(pass, r)
				}
			case *ast.CallExpr:
				failed = failed || ends(pass, n)
			}
			return !failed
		})
	}
	return failed
}

func failure(pass *analysis.Pass, r ast.Expr) bool {
	if isError(pass, r) {
		return !isNil(pass, r)
	}
	tv := pass.TypesInfo.Types[r]
	return tv.Value != nil && tv.Value.String() == "false"
}

func isError(pass *analysis.Pass, e ast.Expr) bool {
	t := pass.TypesInfo.TypeOf(e)
	return t != nil && types.Identical(t, types.Universe.Lookup("error").Type())
}

func isNil(pass *analysis.Pass, e ast.Expr) bool {
	return pass.TypesInfo.Types[e].IsNil()
}

// ends reports whether a call ends the goroutine or the program: panic,
// log.Fatal and its kind, os.Exit.
func ends(pass *analysis.Pass, call *ast.CallExpr) bool {
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := pass.TypesInfo.Uses[id].(*types.Builtin); ok && b.Name() == "panic" {
			return true
		}
	}
	fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() + "." + fn.Name() {
	case "log.Fatal", "log.Fatalf", "log.Fatalln", "log.Panic", "log.Panicf", "log.Panicln", "os.Exit", "runtime.Goexit":
		return true
	}
	return false
}
