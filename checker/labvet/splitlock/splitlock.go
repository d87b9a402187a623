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
//
// A third shape reads instead of writing: two places read under the same
// lock in two of its critical sections and returned together (a term and
// an applied index, a balance and its history). Each read is locked, but
// another goroutine can change both in between: the pair returned may
// never have held at the same time. A getter per field (term() and
// applied(), each one critical section) is the same split.
//
// Its sibling is a check-then-act split the same way: a place tested in a
// condition (under the lock, or through a value read from it under the
// lock) decides whether a later hold of the lock writes it, and that later
// hold does not test it again first. Two goroutines can both pass the
// check before either acts: both load the table, both take the last
// space. Testing again after re-locking (double-checked locking) is
// right, and so is a wait loop (for !ok { c.Wait() }) with its act in the
// same hold. A small function whose whole body is one critical section
// (lock, defer unlock, return a place or write one) counts as that
// section where it is called: seen(u) and mark(u) split the check the
// same way.
package splitlock

import (
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"path/filepath"
	"slices"

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
		Name:     "splitlock",
		Doc:      "reports a value read under a lock and written back to the same place under a later, separate hold of that lock (a lost update)",
		Requires: []*analysis.Analyzer{inspect.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
			sums := summaries(pass)
			serial := map[*ast.FuncLit]bool{}
			insp.Preorder([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node) {
				call := n.(*ast.CallExpr)
				if !runsAlone(pass, call) {
					return
				}
				for _, a := range call.Args {
					if lit, ok := ast.Unparen(a).(*ast.FuncLit); ok {
						serial[lit] = true
					}
				}
			})
			insp.Preorder([]ast.Node{(*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)}, func(n ast.Node) {
				if len(files) > 0 && !slices.Contains(files, filepath.Base(pass.Fset.File(n.Pos()).Name())) {
					return
				}
				var body *ast.BlockStmt
				alone := false
				switch n := n.(type) {
				case *ast.FuncDecl:
					body = n.Body
				case *ast.FuncLit:
					body, alone = n.Body, serial[n]
				}
				if body != nil {
					checkBody(pass, body, sums, alone)
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

// test is a place tested in a condition: the read it was tested through
// (the place, the lock and critical section it was read under) and the
// stretches of source the condition decides (an if's branches, and what
// follows it when a branch leaves; a for loop's body and what follows it).
type test struct {
	read
	scopes scope.Scopes
	held   map[string]int // the critical sections held at the test
}

// section names one critical section: a lock and its number.
type section struct {
	lock string
	cs   int
}

// checkBody follows one function's statements in source order (a function
// literal inside is a body of its own: it may run elsewhere, later).
// alone tells that the body never runs twice at once for the same work (a
// sync.Once's or a singleflight's function): no other goroutine can make
// its check between its two critical sections.
func checkBody(pass *analysis.Pass, body *ast.BlockStmt, sums map[types.Object]*summary, alone bool) {
	held := map[string]int{}  // lock → its critical section now held (0: none)
	count := map[string]int{} // lock → how many times it was taken so far
	// calls numbers the critical section each call of a one-section
	// function is, in source order, on first sight (a condition is read
	// before the calls inside it are visited).
	calls := map[*ast.CallExpr]int{}
	called := func(call *ast.CallExpr) (*bound, int) {
		b := bind(pass, call, sums)
		if b == nil || held[b.lock] > 0 {
			return nil, 0
		}
		if calls[call] == 0 {
			count[b.lock]++
			calls[call] = count[b.lock]
		}
		return b, calls[call]
	}
	var tests []test
	// claims are the critical sections that tested a place and, as the
	// test decided, wrote one under the same hold: a goroutine that made
	// such a claim (marked a call in flight, joined a queue first) may be
	// the only one to reach a later act.
	claims := map[section]bool{}
	// conds maps each condition to the stretches of source it decides.
	conds := map[ast.Expr]scope.Scopes{}
	reported := map[token.Pos]bool{}
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
			case *ast.CallExpr:
				if b, cs := called(n); b != nil {
					for _, place := range b.reads {
						out = append(out, read{place: place, lock: b.lock, cs: cs, pos: n.Pos()})
					}
				}
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
	// act reports a write of place at pos, under lock's critical section
	// cs, that an earlier section's test decided and this one did not
	// test again.
	act := func(place string, pos token.Pos, lock string, cs int) {
		if reported[pos] || alone {
			return
		}
		var decided *test
		for _, t := range tests {
			if t.lock == lock && t.cs == cs && t.pos < pos && t.scopes.Governs(pos) {
				claims[section{lock, cs}] = true
			}
		}
		for i, t := range tests {
			if t.place != place || t.lock != lock || t.pos >= pos {
				continue
			}
			if t.cs == cs {
				return // tested again under this hold
			}
			if t.cs < cs && decided == nil && t.scopes.Governs(pos) && !claims[section{lock, t.cs}] && !serialised(t.held, held, lock) {
				decided = &tests[i]
			}
		}
		if decided == nil {
			return
		}
		reported[pos] = true
		pass.Reportf(pos, "%s is tested under %s on line %d and written here under a later hold of %s, with no test again: between the two critical sections another goroutine can make the same check. Keep the check and the act under one hold of the lock, or test again after locking",
			place, lock, pass.Fset.Position(decided.pos).Line, lock)
	}
	// acts reports the writes of l, a place written now, by act.
	acts := func(l ast.Expr, place string) {
		if !isPlace(pass.TypesInfo, l) || local(pass.TypesInfo, body, l) {
			return
		}
		for lock, cs := range held {
			if cs > 0 {
				act(place, l.Pos(), lock, cs)
			}
		}
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
					reported[l.Pos()] = true
					pass.Reportf(l.Pos(), "%s is written from its value read under %s on line %d, in an earlier critical section: another goroutine can change %s while %s is unlocked between the two, and its update is lost. Read, change and write it in one critical section",
						place, r.lock, pass.Fset.Position(r.pos).Line, place, r.lock)
					break
				}
			}
			for _, l := range lhs {
				acts(l, types.ExprString(l))
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
	// restore holds the locks held before an if whose branch leaves: an
	// Unlock in that branch (unlock, return) does not let go of the lock
	// for the code after the if.
	restore := map[ast.Node]map[string]int{}
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			if h, ok := restore[stack[len(stack)-1]]; ok {
				held = maps.Clone(h)
			}
			stack = stack[:len(stack)-1]
			return true
		}
		if x, ok := n.(ast.Expr); ok && conds[x] != nil {
			now := maps.Clone(held)
			for _, r := range reads(x) {
				tests = append(tests, test{read: r, scopes: conds[x], held: now})
			}
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			// A deferred Unlock runs when the function returns: the lock
			// stays held over everything after it.
			return false
		case *ast.IfStmt:
			conds[n.Cond] = scope.If(n, stack)
			for _, b := range []ast.Stmt{n.Body, n.Else} {
				if b != nil && scope.Leaves(b) {
					restore[b] = maps.Clone(held)
				}
			}
		case *ast.ForStmt:
			if n.Cond != nil {
				conds[n.Cond] = scope.For(n, stack)
			}
		case *ast.SwitchStmt:
			if n.Tag != nil {
				conds[n.Tag] = scope.Scopes{{n.Body.Pos(), n.End()}}
			}
		case *ast.CaseClause:
			for _, e := range n.List {
				conds[e] = [][2]token.Pos{{n.Colon, n.End()}}
			}
		case *ast.IncDecStmt:
			acts(n.X, types.ExprString(n.X))
		case *ast.ReturnStmt:
			if a, b, ok := torn(n.Results, reads); ok {
				pass.Reportf(n.Pos(), "%s and %s are read under %s in two separate critical sections (lines %d and %d) and returned together: another goroutine can change them in between, so the pair returned may never have held at the same time. Read them under one hold of the lock",
					a.place, b.place, a.lock, pass.Fset.Position(a.pos).Line, pass.Fset.Position(b.pos).Line)
			}
		case *ast.AssignStmt:
			assign(n, n.Lhs, n.Rhs, n.Tok)
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
			}
			assign(n, lhs, n.Values, token.DEFINE)
		case *ast.CallExpr:
			switch kind, lock, _ := lockCall(pass, n); kind {
			case "lock":
				count[lock]++
				held[lock] = count[lock]
			case "unlock":
				held[lock] = 0
			default:
				if m, k, ok := deleted(pass, n); ok {
					acts(m, types.ExprString(m)+"["+types.ExprString(k)+"]")
				} else if b, cs := called(n); b != nil {
					for _, place := range b.writes {
						act(place, n.Pos(), b.lock, cs)
					}
				}
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
		stack = append(stack, n)
		return true
	})
}

// torn finds two values returned together that were read under the same
// lock in two of its critical sections: different places (a term and an
// index), so that together they describe one state. A struct literal
// returned is its fields.
func torn(results []ast.Expr, reads func(ast.Expr) []read) (a, b read, ok bool) {
	var values []ast.Expr
	for _, r := range results {
		if lit, isLit := ast.Unparen(r).(*ast.CompositeLit); isLit {
			for _, e := range lit.Elts {
				if kv, isKV := e.(*ast.KeyValueExpr); isKV {
					e = kv.Value
				}
				values = append(values, e)
			}
			continue
		}
		values = append(values, r)
	}
	if len(values) < 2 {
		return read{}, read{}, false
	}
	var each [][]read
	for _, v := range values {
		each = append(each, reads(v))
	}
	for i := range each {
		for j := i + 1; j < len(each); j++ {
			for _, x := range each[i] {
				for _, y := range each[j] {
					if x.lock == y.lock && x.cs != y.cs && x.place != y.place {
						return x, y, true
					}
				}
			}
		}
	}
	return read{}, read{}, false
}

// runsAlone reports whether call runs a function it is given one at a
// time for the same work: a sync.Once's Do, a singleflight.Group's Do or
// DoChan (one flight per key).
func runsAlone(pass *analysis.Pass, call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return false
	}
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil {
		return false
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := t.(*types.Named)
	if !ok {
		return false
	}
	switch fn.Pkg().Path() + "." + named.Obj().Name() + "." + fn.Name() {
	case "sync.Once.Do", "golang.org/x/sync/singleflight.Group.Do", "golang.org/x/sync/singleflight.Group.DoChan":
		return true
	}
	return false
}

// serialised reports whether a lock other than lock was held, in the same
// critical section, both at a test (then) and now: it keeps other
// goroutines out of the check and the act together (a lock per key).
func serialised(then, now map[string]int, lock string) bool {
	for l, cs := range then {
		if l != lock && cs > 0 && now[l] == cs {
			return true
		}
	}
	return false
}

// deleted reports a call of delete(m, k): a write of m[k].
func deleted(pass *analysis.Pass, call *ast.CallExpr) (m, k ast.Expr, ok bool) {
	id, isID := ast.Unparen(call.Fun).(*ast.Ident)
	if !isID || len(call.Args) != 2 {
		return nil, nil, false
	}
	if b, isB := pass.TypesInfo.Uses[id].(*types.Builtin); !isB || b.Name() != "delete" {
		return nil, nil, false
	}
	return call.Args[0], call.Args[1], true
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
// RLock ("lock") or Unlock or RUnlock ("unlock"), with the lock as written
// and its expression.
func lockCall(pass *analysis.Pass, call *ast.CallExpr) (kind, lock string, x ast.Expr) {
	fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "sync" {
		return "", "", nil
	}
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil {
		return "", "", nil
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Name() != "Mutex" && n.Obj().Name() != "RWMutex" {
		return "", "", nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return "", "", nil
	}
	x = ast.Unparen(sel.X)
	if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.AND {
		x = ast.Unparen(u.X)
	}
	switch fn.Name() {
	case "Lock", "RLock":
		return "lock", types.ExprString(x), x
	case "Unlock", "RUnlock":
		return "unlock", types.ExprString(x), x
	}
	return "", "", nil
}
