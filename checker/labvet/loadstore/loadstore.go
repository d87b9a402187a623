// Package loadstore defines an analyzer that reports a read-modify-write on
// an atomic number split into two atomic steps: a Load, then a write of a
// value computed from it (a Store, a Swap, or a CompareAndSwap whose
// failure is not retried), and a decision taken on a Load made after an
// Add whose result was thrown away.
//
// Each step is atomic, so the race detector is silent, but another
// goroutine's update that lands between the two is overwritten (or, for a
// lone CompareAndSwap, makes it fail): the same lost update as a plain
// `n++`. Add does the read and the write as one step, and returns the
// value it made, which is this goroutine's alone; a CompareAndSwap loop
// does so for any other computation. A CompareAndSwap of a value not
// computed from the Load (CompareAndSwap(false, true): the first one wins)
// is a correct one-shot.
//
// A Store or Swap that a condition on a Load of the same variable decides
// (inside the if, or after it when a branch leaves; after a for loop on
// it) is a check-then-act split the same way: two goroutines both Load
// false, both Store true, both close the channel. CompareAndSwap(false,
// true) is the check and the act in one step.
//
// Only numbers and booleans count (the sync/atomic types Int32 … Bool and
// the Load/Store/Swap/CompareAndSwap/Add functions): for an atomic.Value
// or Pointer a copy-on-write with one writer is a correct idiom. Two steps
// both made while a lock is held are ordered by the lock, so they are not
// reported.
package loadstore

import (
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/racelab/racelab/checker/labvet/internal/scope"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// New returns the analyzer, limited to the files named in files (base
// names; all files when empty).
func New(files []string) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "loadstore",
		Doc:      "reports an atomic Store, Swap or unretried CompareAndSwap of a value computed from a Load of the same variable, and a decision on a Load after a discarded Add (a lost update)",
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
	kind  string // "load", "store", "swap", "cas", "add", "lock", "unlock"
	key   string // the atomic variable, as written ("served", "s.hits")
	value ast.Expr
	// The result is thrown away (the call is a statement of its own).
	discarded bool
	// loop is the innermost for statement around the call, if any.
	loop *ast.ForStmt
}

// decision is a condition (an if's, a switch's) and the atomic variables
// whose Load it decides on, with the Load's place.
type decision struct {
	pos  token.Pos
	from map[string]token.Pos
	// scopes are the stretches of source the condition decides: an if's
	// branches, and what follows it when a branch leaves; a for loop's
	// body and what follows it (loop).
	scopes scope.Scopes
	loop   bool
}

// checkBody looks at one function's own statements (a function literal
// inside is a body of its own: it may run elsewhere, later).
func checkBody(pass *analysis.Pass, body *ast.BlockStmt) {
	var ops []op
	var decisions []decision
	// loaded maps a local variable to the atomic variables its value was
	// computed from, in the order of the source.
	loaded := map[types.Object]map[string]token.Pos{}
	// sources lists the Loads e's value is computed from; compared only,
	// it leaves out what goes into an atomic write (a CompareAndSwap's
	// old value is not a decision on it).
	walk := func(e ast.Expr, compared bool) map[string]token.Pos {
		out := map[string]token.Pos{}
		if e == nil {
			return out
		}
		ast.Inspect(e, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.CallExpr:
				switch kind, key, _ := access(pass, n); kind {
				case "load":
					out[key] = n.Pos()
				case "store", "swap", "cas", "add":
					return !compared
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
	sources := func(e ast.Expr) map[string]token.Pos { return walk(e, false) }
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
	decide := func(e ast.Expr, loop bool, scopes scope.Scopes) {
		if src := walk(e, true); len(src) > 0 {
			decisions = append(decisions, decision{pos: e.Pos(), from: src, scopes: scopes, loop: loop})
		}
	}
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
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
		case *ast.IfStmt:
			if n.Init != nil {
				// The init's assignments come before the condition reads them.
				ast.Inspect(n.Init, func(m ast.Node) bool {
					if a, ok := m.(*ast.AssignStmt); ok {
						taint(a.Lhs, a.Rhs, a.Tok != token.ASSIGN && a.Tok != token.DEFINE)
					}
					return true
				})
			}
			decide(n.Cond, false, scope.If(n, stack))
		case *ast.ForStmt:
			if n.Cond != nil {
				decide(n.Cond, true, scope.For(n, stack))
			}
		case *ast.SwitchStmt:
			decide(n.Tag, false, scope.Scopes{{n.Body.Pos(), n.End()}})
		case *ast.CaseClause:
			for _, e := range n.List {
				decide(e, false, scope.Scopes{{n.Colon, n.End()}})
			}
		case *ast.CallExpr:
			if kind, key, value := access(pass, n); kind != "" {
				o := op{pos: n.Pos(), kind: kind, key: key, value: value}
				if parent, ok := stack[len(stack)-1].(*ast.ExprStmt); ok && parent.X == n {
					o.discarded = true
				}
				for i := len(stack) - 1; i >= 0; i-- {
					if f, ok := stack[i].(*ast.ForStmt); ok {
						o.loop = f
						break
					}
					if _, ok := stack[i].(*ast.RangeStmt); ok {
						break // a range loop goes on to its next item, not round again
					}
				}
				ops = append(ops, o)
			}
		}
		stack = append(stack, n)
		return true
	})
	for _, st := range ops {
		switch st.kind {
		case "store", "swap", "cas":
		default:
			continue
		}
		from, ok := sources(st.value)[st.key]
		if !ok {
			checkThenAct(pass, st, ops, decisions)
			continue
		}
		if guarded(ops, from, st.pos) {
			continue
		}
		line := pass.Fset.Position(from).Line
		switch st.kind {
		case "store":
			pass.Reportf(st.pos, "%s stores a value computed from %s's Load on line %d: another goroutine's update between the two is lost, as with a plain ++. Make it one atomic step: Add, or a CompareAndSwap loop",
				st.key, st.key, line)
		case "swap":
			pass.Reportf(st.pos, "%s swaps in a value computed from %s's Load on line %d: another goroutine's update between the two is lost, as with a plain ++. Make it one atomic step: Add, or a CompareAndSwap loop",
				st.key, st.key, line)
		case "cas":
			if retried(st, from) {
				continue
			}
			pass.Reportf(st.pos, "%s compare-and-swaps, with no retry, a value computed from %s's Load on line %d: when another goroutine's update lands between the two, the CompareAndSwap fails and this update is lost. Retry the Load and the CompareAndSwap in a loop until it succeeds, or use Add",
				st.key, st.key, line)
		}
	}
	for _, add := range ops {
		if add.kind != "add" || !add.discarded {
			continue
		}
		for _, d := range decisions {
			if d.loop {
				continue // a loop waiting on the count is not a decision on its Add
			}
			from, ok := d.from[add.key]
			if !ok || from < add.pos || guarded(ops, add.pos, from) {
				continue
			}
			pass.Reportf(from, "%s decides on a Load made after its Add on line %d, whose result was thrown away: another goroutine's Add can land between the two, so two goroutines see the same value and another is seen by none. Decide on the value Add returns",
				add.key, pass.Fset.Position(add.pos).Line)
			break
		}
	}
}

// checkThenAct reports a Store or Swap of a value not computed from a Load
// that a condition on a Load of the same variable decides: the check and
// the act are two atomic steps.
func checkThenAct(pass *analysis.Pass, st op, ops []op, decisions []decision) {
	if st.kind != "store" && st.kind != "swap" {
		return // a CompareAndSwap is the check and the act in one
	}
	for _, d := range decisions {
		from, ok := d.from[st.key]
		if !ok || from > st.pos || !d.scopes.Governs(st.pos) || guarded(ops, from, st.pos) {
			continue
		}
		how := "stored"
		if st.kind == "swap" {
			how = "swapped"
		}
		pass.Reportf(st.pos, "%s is %s after a check of its Load on line %d, as a separate step: two goroutines can both pass the check before either acts. Use CompareAndSwap so that the check and the act are one step",
			st.key, how, pass.Fset.Position(from).Line)
		return
	}
}

// retried reports whether a CompareAndSwap is tried again when it fails:
// its result is looked at, and the for loop around it also holds the
// Load its values come from, so that each round loads afresh.
func retried(cas op, from token.Pos) bool {
	return !cas.discarded && cas.loop != nil && cas.loop.Pos() <= from && from < cas.loop.End()
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

// access classifies a call: an atomic Load, Store, Swap, CompareAndSwap
// or Add of a number (with the variable and, for a write, the value
// written: a CompareAndSwap's new one), a lock's Lock or Unlock, or "".
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
		var x ast.Expr
		args := call.Args
		if recv := sig.Recv(); recv != nil {
			sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if !ok || !slices.Contains(numbers, typeName(recv.Type())) {
				return "", "", nil
			}
			x = sel.X
		} else {
			// The functions take the variable's address first; the
			// Pointer ones hold pointers, not numbers.
			if len(args) == 0 || strings.HasSuffix(fn.Name(), "Pointer") {
				return "", "", nil
			}
			x, args = args[0], args[1:]
		}
		name := fn.Name()
		switch {
		case strings.HasPrefix(name, "Load") && len(args) == 0:
			return "load", variable(x), nil
		case strings.HasPrefix(name, "Store") && len(args) == 1:
			return "store", variable(x), args[0]
		case strings.HasPrefix(name, "Swap") && len(args) == 1:
			return "swap", variable(x), args[0]
		case strings.HasPrefix(name, "CompareAndSwap") && len(args) == 2:
			return "cas", variable(x), args[1]
		case strings.HasPrefix(name, "Add") && len(args) == 1:
			return "add", variable(x), args[0]
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
