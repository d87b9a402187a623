// Package loadstore defines an analyzer that reports a read-modify-write on
// an atomic number split into two atomic steps: a Load, then a Store of a
// value computed from it.
//
// Each step is atomic, so the race detector is silent, but another
// goroutine's update that lands between the two is overwritten: the same
// lost update as a plain `n++`. Add does the read and the write as one step;
// a CompareAndSwap loop does so for any other computation.
//
// Only numbers and booleans count (the sync/atomic types Int32 … Bool and
// the Load/Store functions): for an atomic.Value or Pointer a copy-on-write
// with one writer is a correct idiom. A Load and Store both made while a
// lock is held are ordered by the lock, so they are not reported.
package loadstore

import (
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// New returns the analyzer, limited to the files named in files (base
// names; all files when empty).
func New(files []string) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "loadstore",
		Doc:      "reports an atomic Store of a value computed from a Load of the same variable (a lost update)",
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

// op is an atomic access, or a lock's acquire or release, in one function.
type op struct {
	pos   token.Pos
	kind  string // "load", "store", "lock", "unlock"
	key   string // the atomic variable, as written ("served", "s.hits")
	value ast.Expr
}

// checkBody looks at one function's own statements (a function literal
// inside is a body of its own: it may run elsewhere, later).
func checkBody(pass *analysis.Pass, body *ast.BlockStmt) {
	var ops []op
	// loaded maps a local variable to the atomic variables its value was
	// computed from, in the order of the source.
	loaded := map[types.Object]map[string]token.Pos{}
	sources := func(e ast.Expr) map[string]token.Pos {
		out := map[string]token.Pos{}
		ast.Inspect(e, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.CallExpr:
				if kind, key, _ := access(pass, n); kind == "load" {
					out[key] = n.Pos()
				}
			case *ast.Ident:
				for k, p := range loaded[pass.TypesInfo.Uses[n]] {
					out[k] = p
				}
			}
			return true
		})
		return out
	}
	// taint records what the variables of lhs now hold; an op-assignment
	// (v += d) keeps what v held.
	taint := func(lhs []ast.Expr, rhs []ast.Expr, keep bool) {
		for i, l := range lhs {
			id, ok := l.(*ast.Ident)
			if !ok {
				continue
			}
			obj := pass.TypesInfo.Defs[id]
			if obj == nil {
				obj = pass.TypesInfo.Uses[id]
			}
			if obj == nil {
				continue
			}
			var r ast.Expr
			switch {
			case len(rhs) == len(lhs):
				r = rhs[i]
			case len(rhs) == 1:
				r = rhs[0]
			default:
				continue
			}
			src := sources(r)
			if !keep {
				delete(loaded, obj)
			}
			if len(src) > 0 {
				if loaded[obj] == nil {
					loaded[obj] = map[string]token.Pos{}
				}
				for k, p := range src {
					loaded[obj][k] = p
				}
			}
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			// A deferred Unlock runs when the function returns: the
			// lock stays held over everything after it.
			return false
		case *ast.AssignStmt:
			taint(n.Lhs, n.Rhs, n.Tok != token.ASSIGN && n.Tok != token.DEFINE)
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
			}
			taint(lhs, n.Values, false)
		case *ast.CallExpr:
			if kind, key, value := access(pass, n); kind != "" {
				ops = append(ops, op{pos: n.Pos(), kind: kind, key: key, value: value})
			}
		}
		return true
	})
	for _, st := range ops {
		if st.kind != "store" {
			continue
		}
		from, ok := sources(st.value)[st.key]
		if !ok || guarded(ops, from, st.pos) {
			continue
		}
		pass.Reportf(st.pos, "%s stores a value computed from %s's Load on line %d: another goroutine's update between the two is lost, as with a plain ++. Make it one atomic step: Add, or a CompareAndSwap loop",
			st.key, st.key, pass.Fset.Position(from).Line)
	}
}

// guarded reports whether a lock taken before from is held, not released
// in between, until to.
func guarded(ops []op, from, to token.Pos) bool {
	held := false
	for _, o := range ops {
		if o.pos > to {
			break
		}
		switch {
		case o.kind == "lock" && o.pos < from:
			held = true
		case o.kind == "unlock":
			held = false
		}
	}
	return held
}

// numbers are the sync/atomic types whose lost updates the analyzer reports.
var numbers = []string{"Int32", "Int64", "Uint32", "Uint64", "Uintptr", "Bool"}

// access classifies a call: an atomic Load or Store of a number (with the
// variable and, for a Store, the value), a lock's Lock or Unlock, or "".
func access(pass *analysis.Pass, call *ast.CallExpr) (kind, key string, value ast.Expr) {
	fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return "", "", nil
	}
	sig := fn.Type().(*types.Signature)
	switch fn.Pkg().Path() {
	case "sync":
		if recv := sig.Recv(); recv != nil && (typeName(recv.Type()) == "Mutex" || typeName(recv.Type()) == "RWMutex") {
			switch fn.Name() {
			case "Lock":
				return "lock", "", nil
			case "Unlock":
				return "unlock", "", nil
			}
		}
	case "sync/atomic":
		if recv := sig.Recv(); recv != nil {
			sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if !ok || !slices.Contains(numbers, typeName(recv.Type())) {
				return "", "", nil
			}
			switch fn.Name() {
			case "Load":
				return "load", variable(sel.X), nil
			case "Store":
				return "store", variable(sel.X), call.Args[0]
			}
			return "", "", nil
		}
		if len(call.Args) == 0 {
			return "", "", nil
		}
		switch {
		case strings.HasPrefix(fn.Name(), "Load") && !strings.HasSuffix(fn.Name(), "Pointer"):
			return "load", variable(call.Args[0]), nil
		case strings.HasPrefix(fn.Name(), "Store") && !strings.HasSuffix(fn.Name(), "Pointer") && len(call.Args) == 2:
			return "store", variable(call.Args[0]), call.Args[1]
		}
	}
	return "", "", nil
}

// typeName is the name of a (pointer to a) named type, or "".
func typeName(t types.Type) string {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := t.(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

// variable names the atomic variable an expression denotes, the same way
// for `&x` and `x`, so that a Load and a Store of it match.
func variable(e ast.Expr) string {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	return types.ExprString(e)
}
