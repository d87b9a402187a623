package splitlock

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// summary is a function whose whole body is one critical section: it
// takes a lock, lets it go only when it returns, and in between returns a
// place (seen(u) returns visited[u]) or writes one (mark(u) sets it). A
// call of it is that critical section, with the call's arguments put in
// for the parameters.
type summary struct {
	recv   types.Object   // a method's receiver, or nil
	params []types.Object // nil for a blank or unnamed one
	lock   ast.Expr
	reads  []ast.Expr // the places whose value it returns
	writes []ast.Expr // the places it writes without testing them first
}

// bound is a summary at one call: the lock and the places as the caller
// names them.
type bound struct {
	lock          string
	reads, writes []string
}

// summaries finds the package's one-section functions: declared ones, by
// their *types.Func, and function literals assigned once to a variable,
// by that variable.
func summaries(pass *analysis.Pass) map[types.Object]*summary {
	out := map[types.Object]*summary{}
	assigned := map[types.Object]int{}
	lits := map[types.Object]*ast.FuncLit{}
	note := func(id *ast.Ident, value ast.Expr) {
		obj := pass.TypesInfo.ObjectOf(id)
		if obj == nil {
			return
		}
		assigned[obj]++
		if lit, ok := ast.Unparen(value).(*ast.FuncLit); ok {
			lits[obj] = lit
		}
	}
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				if n.Body == nil {
					break
				}
				var recv types.Object
				if n.Recv != nil && len(n.Recv.List) == 1 && len(n.Recv.List[0].Names) == 1 {
					recv = pass.TypesInfo.Defs[n.Recv.List[0].Names[0]]
				}
				if s := summarize(pass, n.Type, n.Body); s != nil {
					s.recv = recv
					if n.Recv != nil && recv == nil {
						break // the call could not name the receiver's places
					}
					out[pass.TypesInfo.Defs[n.Name]] = s
				}
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					if id, ok := ast.Unparen(l).(*ast.Ident); ok {
						var v ast.Expr
						if len(n.Rhs) == len(n.Lhs) {
							v = n.Rhs[i]
						}
						note(id, v)
					}
				}
			case *ast.ValueSpec:
				for i, id := range n.Names {
					var v ast.Expr
					if len(n.Values) == len(n.Names) {
						v = n.Values[i]
					}
					note(id, v)
				}
			}
			return true
		})
	}
	// A variable given another function later may call either: only one
	// assigned once is known.
	for obj, lit := range lits {
		if assigned[obj] != 1 {
			continue
		}
		if s := summarize(pass, lit.Type, lit.Body); s != nil {
			out[obj] = s
		}
	}
	return out
}

// summarize returns the summary of a function whose body is one critical
// section, or nil.
func summarize(pass *analysis.Pass, ft *ast.FuncType, body *ast.BlockStmt) *summary {
	stmts := body.List
	if len(stmts) < 2 {
		return nil
	}
	first, ok := stmts[0].(*ast.ExprStmt)
	if !ok {
		return nil
	}
	call, ok := first.X.(*ast.CallExpr)
	if !ok {
		return nil
	}
	kind, lock, lockX := lockCall(pass, call)
	if kind != "lock" {
		return nil
	}
	unlocks := func(s ast.Stmt) bool {
		var c *ast.CallExpr
		switch s := s.(type) {
		case *ast.DeferStmt:
			c = s.Call
		case *ast.ExprStmt:
			c, _ = s.X.(*ast.CallExpr)
		}
		if c == nil {
			return false
		}
		k, l, _ := lockCall(pass, c)
		return k == "unlock" && l == lock
	}
	rest := stmts[1:]
	_, deferred := rest[0].(*ast.DeferStmt)
	last := len(rest) - 1
	_, returns := rest[last].(*ast.ReturnStmt)
	switch {
	case deferred && unlocks(rest[0]):
		rest = rest[1:]
	case unlocks(rest[last]):
		rest = rest[:last]
	case returns && last > 0 && unlocks(rest[last-1]):
		// The result is read before the unlock, into a local.
		rest = append(rest[:last-1:last-1], rest[last])
	default:
		return nil
	}
	s := &summary{lock: lockX}
	for _, f := range ft.Params.List {
		for _, id := range f.Names {
			s.params = append(s.params, pass.TypesInfo.Defs[id])
		}
		if len(f.Names) == 0 {
			s.params = append(s.params, nil)
		}
	}
	tested := map[string]bool{}
	values := map[types.Object]ast.Expr{} // a local := a place, returned later
	other := false
	for _, st := range rest {
		ast.Inspect(st, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.CallExpr:
				if k, _, _ := lockCall(pass, n); k != "" {
					other = true
				}
				if m, k, ok := deleted(pass, n); ok && !local(pass.TypesInfo, body, m) {
					s.writes = append(s.writes, &ast.IndexExpr{X: m, Index: k})
				}
			case *ast.IfStmt:
				mark(n.Cond, tested)
			case *ast.ForStmt:
				mark(n.Cond, tested)
			case *ast.SwitchStmt:
				mark(n.Tag, tested)
			case *ast.CaseClause:
				for _, e := range n.List {
					mark(e, tested)
				}
			case *ast.IncDecStmt:
				if isPlace(pass.TypesInfo, n.X) && !local(pass.TypesInfo, body, n.X) {
					s.writes = append(s.writes, n.X)
				}
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					if n.Tok == token.DEFINE {
						if id, ok := l.(*ast.Ident); ok && len(n.Rhs) == len(n.Lhs) {
							values[pass.TypesInfo.Defs[id]] = n.Rhs[i]
						}
						continue
					}
					if isPlace(pass.TypesInfo, l) && !local(pass.TypesInfo, body, l) {
						s.writes = append(s.writes, l)
					}
				}
			case *ast.ReturnStmt:
				for _, r := range n.Results {
					if id, ok := ast.Unparen(r).(*ast.Ident); ok && values[pass.TypesInfo.Uses[id]] != nil {
						r = values[pass.TypesInfo.Uses[id]]
					}
					if isPlace(pass.TypesInfo, r) && !local(pass.TypesInfo, body, r) {
						s.reads = append(s.reads, ast.Unparen(r))
					}
				}
			}
			return true
		})
	}
	// A write it tests first is a check and an act in one section.
	kept := s.writes[:0]
	for _, w := range s.writes {
		if !tested[types.ExprString(w)] {
			kept = append(kept, w)
		}
	}
	s.writes = kept
	if other || len(s.reads) == 0 && len(s.writes) == 0 {
		return nil
	}
	return s
}

// mark notes every expression in a condition as tested.
func mark(cond ast.Expr, tested map[string]bool) {
	if cond == nil {
		return
	}
	ast.Inspect(cond, func(n ast.Node) bool {
		if x, ok := n.(ast.Expr); ok {
			tested[types.ExprString(x)] = true
		}
		return true
	})
}

// bind returns the summary of the function call calls, as the caller
// names its lock and places, or nil.
func bind(pass *analysis.Pass, call *ast.CallExpr, sums map[types.Object]*summary) *bound {
	var obj types.Object
	var recv ast.Expr
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		obj = pass.TypesInfo.Uses[fun]
	case *ast.SelectorExpr:
		obj = pass.TypesInfo.Uses[fun.Sel]
		if sel, ok := pass.TypesInfo.Selections[fun]; ok && sel.Kind() == types.MethodVal {
			recv = fun.X
		}
	}
	s := sums[obj]
	if s == nil || len(call.Args) != len(s.params) || (s.recv != nil) != (recv != nil) || call.Ellipsis.IsValid() {
		return nil
	}
	subst := map[types.Object]string{}
	if recv != nil {
		subst[s.recv] = types.ExprString(ast.Unparen(recv))
	}
	for i, p := range s.params {
		if p != nil {
			subst[p] = types.ExprString(call.Args[i])
		}
	}
	b := &bound{lock: render(pass.TypesInfo, s.lock, subst)}
	for _, r := range s.reads {
		b.reads = append(b.reads, render(pass.TypesInfo, r, subst))
	}
	for _, w := range s.writes {
		b.writes = append(b.writes, render(pass.TypesInfo, w, subst))
	}
	return b
}

// render writes a place as types.ExprString does, with the parameters
// named as the caller's arguments.
func render(info *types.Info, e ast.Expr, subst map[types.Object]string) string {
	switch e := e.(type) {
	case *ast.Ident:
		if s, ok := subst[info.Uses[e]]; ok {
			return s
		}
		return e.Name
	case *ast.SelectorExpr:
		return render(info, e.X, subst) + "." + e.Sel.Name
	case *ast.IndexExpr:
		return render(info, e.X, subst) + "[" + render(info, e.Index, subst) + "]"
	case *ast.StarExpr:
		return "*" + render(info, e.X, subst)
	case *ast.ParenExpr:
		return "(" + render(info, e.X, subst) + ")"
	}
	return types.ExprString(e)
}
