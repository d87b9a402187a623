// Package fixkind defines an analyzer that counts, in a lab's student
// files, the uses that synchronise, by kind of fix: a WaitGroup waited on, a
// mutex locked, an RWMutex read-locked, a channel received from, an atomic
// call, a Once done, a Cond waited on, an errgroup waited on, a context
// cancelled or given a deadline.
//
// It reports nothing itself. The uses are a fact about one version of the
// files: labvet compares the student's with the shipped version's, line by
// line, so that a kind counts as the student's only where the change
// brings a use of it (a WaitGroup the lab's own scaffolding already waited
// on is not the student's choice; two locks taken in a new order are). Which kinds pass is then the lab's decision
// (lab.toml's fix), and only for a program whose runs already pass: the
// behaviour decides, the kind only names what the fix is.
package fixkind

import (
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// Kinds lists every kind the analyzer counts, in the order messages name
// them.
func Kinds() []string {
	return []string{"waitgroup", "channel", "mutex", "rwmutex", "atomic", "once", "cond", "errgroup", "context"}
}

// Describe names each fix kind the way messages do.
func Describe(kind string) string {
	switch kind {
	case "waitgroup":
		return "a sync.WaitGroup (Add/Done, then Wait)"
	case "channel":
		return "a channel (a goroutine sends, another blocks on the receive)"
	case "mutex":
		return "a sync.Mutex (Lock/Unlock around every access)"
	case "rwmutex":
		return "a sync.RWMutex (RLock for readers, Lock for writers)"
	case "atomic":
		return "sync/atomic (atomic.Int64, atomic.Bool, ...)"
	case "once":
		return "sync.Once (or sync.OnceValue/OnceFunc)"
	case "cond":
		return "a sync.Cond (Wait in a loop, Signal or Broadcast)"
	case "errgroup":
		return "an errgroup.Group (Go, SetLimit, Wait)"
	case "context":
		return "a context (WithCancel, WithTimeout, Done)"
	}
	return kind
}

// Use is one synchronising use: its kind and where it is.
type Use struct {
	Kind string
	Pos  token.Pos
	// Shared tells, for a mutex locked, whether the lock is reached
	// through a pointer (a pointer receiver or parameter, a *sync.Mutex, a
	// slice element, a package variable): the caller's lock. Otherwise the
	// function locks a variable of its own: a copy when it is a value
	// receiver or parameter or a range variable (a local variable is false
	// too). The same Lock line that now locks a shared mutex where the
	// shipped one locked a copy is a fix of the mutex kind (see
	// labvet.Change).
	Shared bool
}

// Uses is the analyzer's result, in source order.
type Uses []Use

// Counts sums uses per kind.
func (u Uses) Counts() map[string]int {
	c := map[string]int{}
	for _, x := range u {
		c[x.Kind]++
	}
	return c
}

// New returns the analyzer, limited to the files named in files (base
// names; all files when empty).
func New(files []string) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       "fixkind",
		Doc:        "counts the uses that synchronise in a lab's student files, by kind of fix",
		Requires:   []*analysis.Analyzer{inspect.Analyzer},
		ResultType: reflect.TypeFor[Uses](),
		Run:        func(pass *analysis.Pass) (any, error) { return count(pass, files), nil },
	}
}

// count finds uses that synchronise, not declarations: a mutex that is
// never locked fixes nothing.
func count(pass *analysis.Pass, files []string) Uses {
	var u Uses
	add := func(kind string, n ast.Node) { u = append(u, Use{Kind: kind, Pos: n.Pos()}) }
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	rlockers := rlockerVars(pass.TypesInfo, insp)
	nodes := []ast.Node{(*ast.CallExpr)(nil), (*ast.UnaryExpr)(nil), (*ast.RangeStmt)(nil), (*ast.SelectStmt)(nil)}
	insp.Preorder(nodes, func(n ast.Node) {
		if len(files) > 0 && !slices.Contains(files, filepath.Base(pass.Fset.File(n.Pos()).Name())) {
			return
		}
		switch n := n.(type) {
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				add("channel", n)
			}
		case *ast.SelectStmt:
			add("channel", n)
		case *ast.RangeStmt:
			if t := pass.TypesInfo.TypeOf(n.X); t != nil {
				if _, ok := t.Underlying().(*types.Chan); ok {
					add("channel", n)
				}
			}
		case *ast.CallExpr:
			if k := callKind(pass.TypesInfo, n); k != "" {
				add(k, n)
				if k == "mutex" || k == "rwmutex" {
					if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
						u[len(u)-1].Shared = shared(pass.TypesInfo, sel)
					}
				}
			} else if rw := readLock(pass.TypesInfo, n, rlockers); rw != nil {
				// RLocker's Lock is RLock: the readers read together.
				add("rwmutex", n)
				u[len(u)-1].Shared = shared(pass.TypesInfo, rw)
			} else if builtinChannel(pass.TypesInfo, n) {
				add("channel", n)
			}
		}
	})
	return u
}

// rlockerVars maps each variable or field that is given an RWMutex's
// RLocker() (in the whole package: it may be declared in a file the student
// does not edit) to that call's mu.RLocker selector.
func rlockerVars(info *types.Info, insp *inspector.Inspector) map[types.Object]*ast.SelectorExpr {
	out := map[types.Object]*ast.SelectorExpr{}
	bind := func(id *ast.Ident, e ast.Expr) {
		if sel := rlockerCall(info, e); sel != nil {
			if obj := info.ObjectOf(id); obj != nil {
				out[obj] = sel
			}
		}
	}
	nodes := []ast.Node{(*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.KeyValueExpr)(nil)}
	insp.Preorder(nodes, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				return
			}
			for i, l := range n.Lhs {
				switch l := ast.Unparen(l).(type) {
				case *ast.Ident:
					bind(l, n.Rhs[i])
				case *ast.SelectorExpr:
					bind(l.Sel, n.Rhs[i])
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i, id := range n.Names {
					bind(id, n.Values[i])
				}
			}
		case *ast.KeyValueExpr:
			if id, ok := n.Key.(*ast.Ident); ok {
				bind(id, n.Value)
			}
		}
	})
	return out
}

// rlockerCall returns mu.RLocker's selector when e is a call of an
// RWMutex's RLocker, or nil.
func rlockerCall(info *types.Info, e ast.Expr) *ast.SelectorExpr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	fn, ok := info.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "sync" || fn.Name() != "RLocker" {
		return nil
	}
	return sel
}

// readLock returns the mu.RLocker selector behind a sync.Locker's Lock
// call that read-locks an RWMutex: mu.RLocker().Lock(), or the Lock of a
// variable or field given mu.RLocker(). Otherwise nil.
func readLock(info *types.Info, call *ast.CallExpr, rlockers map[types.Object]*ast.SelectorExpr) *ast.SelectorExpr {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Lock" {
		return nil
	}
	fn, ok := info.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "sync" {
		return nil
	}
	if rw := rlockerCall(info, sel.X); rw != nil {
		return rw
	}
	var id *ast.Ident
	switch x := ast.Unparen(sel.X).(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel
	default:
		return nil
	}
	return rlockers[info.ObjectOf(id)]
}

// builtinChannel reports a call that synchronises through a channel by
// itself: close(ch), which ends every receiver's range, and make(chan T, n)
// with a buffer, which lets senders go on without a receiver.
func builtinChannel(info *types.Info, call *ast.CallExpr) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	if !ok {
		return false
	}
	switch b.Name() {
	case "close":
		return true
	case "make":
		if len(call.Args) < 2 {
			return false
		}
		t := info.TypeOf(call.Args[0])
		if t == nil {
			return false
		}
		if _, isChan := t.Underlying().(*types.Chan); !isChan {
			return false
		}
		tv := info.Types[call.Args[1]]
		return tv.Value == nil || tv.Value.String() != "0" // a buffer, of a constant size or not
	}
	return false
}

// callKind names the fix kind a call belongs to, if any. An RWMutex's
// Lock counts as a mutex: only its RLock (or its RLocker's Lock, see
// readLock) makes it the readers' lock.
func callKind(info *types.Info, call *ast.CallExpr) string {
	var id *ast.Ident
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		id = fun.Sel
	case *ast.Ident:
		id = fun // a dot import
	default:
		return ""
	}
	fn, ok := info.Uses[id].(*types.Func)
	if !ok || fn.Pkg() == nil {
		return ""
	}
	recv := ""
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		t := sig.Recv().Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if named, ok := t.(*types.Named); ok {
			recv = named.Obj().Name()
		}
	}
	switch fn.Pkg().Path() {
	case "sync/atomic":
		return "atomic"
	case "golang.org/x/sync/errgroup":
		if recv == "Group" && (fn.Name() == "Wait" || fn.Name() == "Go" || fn.Name() == "TryGo") {
			return "errgroup"
		}
		return ""
	case "golang.org/x/sync/singleflight":
		// Callers of the same key share one call: a Once per key in flight.
		if recv == "Group" && (fn.Name() == "Do" || fn.Name() == "DoChan") {
			return "once"
		}
		return ""
	case "golang.org/x/sync/semaphore":
		if recv == "Weighted" && (fn.Name() == "Acquire" || fn.Name() == "TryAcquire") {
			return "channel" // a semaphore: the same kind as a buffered channel used as one
		}
		return ""
	case "context":
		switch fn.Name() {
		case "WithCancel", "WithCancelCause", "WithTimeout", "WithTimeoutCause", "WithDeadline", "WithDeadlineCause":
			return "context"
		}
		return ""
	case "sync":
	default:
		return ""
	}
	switch recv + "." + fn.Name() {
	case "WaitGroup.Wait", "WaitGroup.Go":
		return "waitgroup"
	case "Mutex.Lock", "Mutex.TryLock", "RWMutex.Lock", "RWMutex.TryLock":
		return "mutex"
	case "RWMutex.RLock", "RWMutex.TryRLock":
		return "rwmutex"
	case "Once.Do", ".OnceFunc", ".OnceValue", ".OnceValues":
		return "once"
	case "Cond.Wait":
		return "cond"
	}
	return ""
}

// shared reports whether the mutex that the method call sel (m.Lock, or
// s.Lock for a Stats that embeds its mutex) locks is reached through a
// pointer, a slice element or a package variable, rather than being part of
// a value the function holds: a copy.
func shared(info *types.Info, sel *ast.SelectorExpr) bool {
	if s, ok := info.Selections[sel]; ok && s.Indirect() {
		return true // through an embedded pointer, or a pointer receiver's implicit *
	}
	x := sel.X
	for {
		x = ast.Unparen(x)
		if t := info.TypeOf(x); t != nil {
			if _, ok := t.Underlying().(*types.Pointer); ok {
				return true
			}
		}
		switch e := x.(type) {
		case *ast.StarExpr:
			return true
		case *ast.SelectorExpr:
			s, ok := info.Selections[e]
			if !ok {
				return true // pkg.Var: a package variable
			}
			if s.Indirect() {
				return true
			}
			x = e.X
		case *ast.IndexExpr:
			if t := info.TypeOf(e.X); t != nil {
				if _, ok := t.Underlying().(*types.Array); !ok {
					return true // a slice's or a map's element lives apart from the variable
				}
			}
			x = e.X
		case *ast.Ident:
			v, ok := info.Uses[e].(*types.Var)
			return ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
		default:
			return false
		}
	}
}
