// Package splitlock defines an analyzer that reports a read-modify-write
// of shared data split across two critical sections of the same lock: a
// value read while the lock is held, the lock let go, and the value (or one
// computed from it) written back to the same place under a later hold of
// the lock.
//
// Each access is locked, so the race detector is silent, but another
// goroutine can take the lock in between and update the same place: its
// update is overwritten, the same lost update as an unlocked `n++`. The
// read, the change and the write must be one critical section.
//
// Only a value that flows from the first critical section into a write of
// the very place it was read from counts (the same variable, field, or map
// or slice with the same index expression): a read for printing, or an
// unrelated write later, is fine, and so is a write after the second
// critical section read the place again (it checks, then acts, under one
// hold). Locks are sync.Mutex and sync.RWMutex (RLock for the read, Lock for
// the write is the usual shape), matched by how they are written (mu,
// s.mu).
package splitlock

import (
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// New returns the analyzer, limited to the files named in files (base
// names; all files when empty).
func New(files []string) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "splitlock",
		Doc:      "reports a value read under a lock and written back to the same place under a later, separate hold of that lock (a lost update)",
		Requires: []*analysis.Analyzer{inspect.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
			insp.Preorder([]ast.Node{(*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)}, func(n ast.Node) {
				if len(files) > 0 && !slices.Contains(files, filepath.Base(pass.Fset.File(n.Pos()).Name())) {
					return
				}
				var body *ast.BlockStmt
				switch n := n.(type) {
				case *ast.FuncDecl:
					body = n.Body
				case *ast.FuncLit:
					body = n.Body
				}
				if body != nil {
					checkBody(pass, body)
				}
			})
			return nil, nil
		},
	}
}

// read is a place read while a lock was held: which place, under which
// lock and which of its critical sections (numbered in source order), and
// where.
type read struct {
	place string
	lock  string
	cs    int
	pos   token.Pos
}

// section names one critical section: a lock and its number.
type section struct {
	lock string
	cs   int
}

// checkBody follows one function's statements in source order (a function
// literal inside is a body of its own: it may run elsewhere, later).
func checkBody(pass *analysis.Pass, body *ast.BlockStmt) {
	held := map[string]int{}  // lock → its critical section now held (0: none)
	count := map[string]int{} // lock → how many times it was taken so far
	// tainted maps a local variable to the places, read under a lock, its
	// value was computed from.
	tainted := map[types.Object][]read{}
	// seen lists the places each critical section mentioned so far: a
	// write after the section read its place again is a checked one.
	seen := map[section]map[string]bool{}

	// reads lists what e's value comes from: the places it reads while a
	// lock is held, and the reads the local variables it uses carry.
	reads := func(e ast.Expr) []read {
		var out []read
		if e == nil {
			return out
		}
		ast.Inspect(e, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.Ident:
				out = append(out, tainted[pass.TypesInfo.Uses[n]]...)
			}
			if x, ok := n.(ast.Expr); ok && isPlace(pass.TypesInfo, x) {
				for lock, cs := range held {
					if cs > 0 {
						out = append(out, read{place: types.ExprString(x), lock: lock, cs: cs, pos: x.Pos()})
					}
				}
			}
			return true
		})
		return out
	}
	// mentions reports whether e mentions place.
	mentions := func(e ast.Expr, place string) bool {
		found := false
		ast.Inspect(e, func(n ast.Node) bool {
			if x, ok := n.(ast.Expr); ok && !found && types.ExprString(x) == place {
				found = true
			}
			return !found
		})
		return found
	}
	assign := func(n ast.Node, lhs, rhs []ast.Expr, tok token.Token) {
		rhsOf := func(i int) ast.Expr {
			switch {
			case len(rhs) == len(lhs):
				return rhs[i]
			case len(rhs) == 1:
				return rhs[0]
			}
			return nil
		}
		// The write first: it is checked against what the variables held
		// before this statement.
		if tok != token.DEFINE {
			for i, l := range lhs {
				if r := written(pass, body, l, rhsOf(i), held, seen, reads, mentions); r != nil {
					place := types.ExprString(l)
					pass.Reportf(l.Pos(), "%s is written from its value read under %s on line %d, in an earlier critical section: another goroutine can change %s while %s is unlocked between the two, and its update is lost. Read, change and write it in one critical section",
						place, r.lock, pass.Fset.Position(r.pos).Line, place, r.lock)
					break
				}
			}
		}
		for i, l := range lhs {
			id, ok := ast.Unparen(l).(*ast.Ident)
			if !ok {
				continue
			}
			obj := pass.TypesInfo.ObjectOf(id)
			if obj == nil {
				continue
			}
			rs := reads(rhsOf(i))
			if tok == token.ASSIGN || tok == token.DEFINE {
				delete(tainted, obj)
			}
			tainted[obj] = append(tainted[obj], rs...)
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			// A deferred Unlock runs when the function returns: the lock
			// stays held over everything after it.
			return false
		case *ast.AssignStmt:
			assign(n, n.Lhs, n.Rhs, n.Tok)
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
			}
			assign(n, lhs, n.Values, token.DEFINE)
		case *ast.CallExpr:
			switch kind, lock := lockCall(pass, n); kind {
			case "lock":
				count[lock]++
				held[lock] = count[lock]
			case "unlock":
				held[lock] = 0
			}
		}
		if x, ok := n.(ast.Expr); ok {
			for lock, cs := range held {
				if cs > 0 {
					s := section{lock, cs}
					if seen[s] == nil {
						seen[s] = map[string]bool{}
					}
					seen[s][types.ExprString(x)] = true
				}
			}
		}
		return true
	})
}

// written returns the read that the write of value to l, made now, puts
// back after the lock was let go, or nil: l is a shared place written under
// a lock, value carries a read of the same place made under the same lock
// in an earlier critical section, and this section has not read the place
// again (in value, or before).
func written(pass *analysis.Pass, body *ast.BlockStmt, l, value ast.Expr, held map[string]int,
	seen map[section]map[string]bool, reads func(ast.Expr) []read, mentions func(ast.Expr, string) bool) *read {
	if value == nil || !isPlace(pass.TypesInfo, l) || local(pass.TypesInfo, body, l) {
		return nil
	}
	place := types.ExprString(l)
	if mentions(value, place) {
		return nil
	}
	for _, r := range reads(value) {
		cs := held[r.lock]
		if r.place != place || cs == 0 || r.cs >= cs || seen[section{r.lock, cs}][place] {
			continue
		}
		return &r
	}
	return nil
}

// isPlace reports whether x denotes a variable, a field or an element: a
// place a value can be read from and written to.
func isPlace(info *types.Info, x ast.Expr) bool {
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		_, ok := info.Uses[x].(*types.Var)
		return ok
	case *ast.SelectorExpr:
		_, ok := info.Uses[x.Sel].(*types.Var)
		return ok
	case *ast.IndexExpr:
		tv, ok := info.Types[x]
		return ok && tv.Addressable() || isMap(info, x.X)
	case *ast.StarExpr:
		return true
	}
	return false
}

func isMap(info *types.Info, x ast.Expr) bool {
	t := info.TypeOf(x)
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Map)
	return ok
}

// local reports whether the place l is rooted in a variable the function
// declares itself: no other goroutine can reach it through the lock's
// sections here (one the function hands to a goroutine is another
// function literal's business).
func local(info *types.Info, body *ast.BlockStmt, l ast.Expr) bool {
	x := l
	for {
		switch e := ast.Unparen(x).(type) {
		case *ast.SelectorExpr:
			x = e.X
		case *ast.IndexExpr:
			x = e.X
		case *ast.StarExpr:
			return false
		case *ast.Ident:
			v, ok := info.Uses[e].(*types.Var)
			if !ok {
				return false
			}
			if _, isPtr := v.Type().Underlying().(*types.Pointer); isPtr && x != l {
				return false // reached through a pointer: shared
			}
			return body.Pos() <= v.Pos() && v.Pos() < body.End()
		default:
			return false
		}
	}
}

// lockCall classifies a call of a sync.Mutex's or RWMutex's Lock or
// RLock ("lock") or Unlock or RUnlock ("unlock"), with the lock as written.
func lockCall(pass *analysis.Pass, call *ast.CallExpr) (kind, lock string) {
	fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "sync" {
		return "", ""
	}
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil {
		return "", ""
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Name() != "Mutex" && n.Obj().Name() != "RWMutex" {
		return "", ""
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return "", ""
	}
	x := ast.Unparen(sel.X)
	if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.AND {
		x = ast.Unparen(u.X)
	}
	switch fn.Name() {
	case "Lock", "RLock":
		return "lock", types.ExprString(x)
	case "Unlock", "RUnlock":
		return "unlock", types.ExprString(x)
	}
	return "", ""
}
