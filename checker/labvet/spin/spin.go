// Package spin defines an analyzer that reports a loop that waits for
// another goroutine by checking again and again instead of blocking.
//
// Such a loop is correct as far as the race detector can tell (an atomic
// flag, a TryLock, a select with a default), and a lab's runs catch it only
// when the goroutine it waits for happens to be slow. But it keeps a CPU
// core busy for the whole wait, taking that time from the goroutines it
// waits for. A channel receive, WaitGroup.Wait, sync.Cond.Wait or Lock
// waits without running.
//
// A loop waits by spinning when nothing in it makes progress of its own:
// its body only reads (plain variables, atomic Loads, len of a channel),
// yields, sleeps or takes a lock around the read, and it ends only on a
// condition made of such reads, so only another goroutine can end it. A
// TryLock (or a CompareAndSwap from a constant, a lock by hand) tried
// again and again is the same. So is a loop whose body is a select with a
// default case that does nothing: whenever no case is ready, it comes
// straight back, and so is one whose select has a timer's case (time.After,
// a Ticker's C) that only looks at something without blocking (a select
// with a default, an if that leaves): the loop polls it at the timer's
// pace. A loop whose body calls anything else (a unit of work, a
// CompareAndSwap of a freshly loaded value, a Scan, a Cond's Wait), counts
// (i++), or receives from a channel outside a select is not waiting.
package spin

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/racelab/racelab/checker/labvet/internal/comm"
	"github.com/racelab/racelab/checker/labvet/internal/student"
	"golang.org/x/tools/go/types/typeutil"
)

// New returns the analyzer, limited to the files named in files (base
// names; all files when empty).
func New(files []string) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "spin",
		Doc:      "reports a loop that waits for another goroutine by checking again and again instead of blocking",
		Requires: []*analysis.Analyzer{inspect.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
			insp.Preorder([]ast.Node{(*ast.ForStmt)(nil)}, func(n ast.Node) {
				if !student.File(pass, n.Pos(), files) {
					return
				}
				check(pass, n.(*ast.ForStmt))
			})
			return nil, nil
		},
	}
}

// The messages. They name the loop by what it checks, never by its line:
// a finding must read the same in the shipped file and in the student's,
// whatever the student added above it (labvet.Change).
const (
	msgPoll = "this loop polls %s: nothing in it blocks, so it keeps a CPU core busy until another goroutine changes it; wait on a channel, a WaitGroup or a sync.Cond instead"
	msgLock = "this loop retries %s until it gets the lock: nothing in it blocks, so it keeps a CPU core busy while another goroutine holds it; call Lock, which blocks, instead"
	msgSel  = "the default case lets the loop around this select come straight back: it never blocks, so it keeps a CPU core busy until a case is ready; drop the default so that the select waits"
	msgTick = "the %s case lets the loop around this select come back only to look again: it polls at the timer's pace instead of waiting; make what it looks at a case of this select"
)

// loop is what one for statement's body does, as far as waiting goes.
type loop struct {
	pass *analysis.Pass
	// assigned holds the variables the loop assigns: a value computed
	// from one of them carries state from one round to the next (a
	// count, a list walked), which is progress.
	assigned map[types.Object]bool
	exits    []ast.Expr      // the conditions that end the loop
	sel      *ast.SelectStmt // the select with an idle default, if any
	tick     *ast.CommClause // the timer's case that only looks, if any
	busy     bool            // something in the loop makes progress
}

func check(pass *analysis.Pass, fs *ast.ForStmt) {
	l := &loop{pass: pass, assigned: map[types.Object]bool{}}
	l.collectAssigned(fs)
	if fs.Cond != nil {
		l.exits = append(l.exits, fs.Cond)
	}
	if fs.Post != nil && !l.passiveStmt(fs.Post) {
		return // a counting loop: i++ is progress
	}
	l.block(fs.Body.List, true)
	if l.busy {
		return
	}
	for _, e := range l.exits {
		if !l.passiveExpr(e) {
			return // it ends by its own doing (Scan, a CompareAndSwap)
		}
	}
	if l.sel != nil {
		// The cases may do anything: the default is what comes back.
		pass.Reportf(l.sel.Pos(), msgSel)
		return
	}
	if l.tick != nil {
		pass.Reportf(l.tick.Pos(), msgTick, types.ExprString(comm.Received(l.tick.Comm)))
		return
	}
	if len(l.exits) == 0 || !slices.ContainsFunc(l.exits, l.reads) {
		return // for {} with nothing to wait for: not a wait
	}
	if lock := l.lockCall(l.exits); lock != nil {
		pass.Reportf(fs.Pos(), msgLock, types.ExprString(lock))
		return
	}
	pass.Reportf(fs.Pos(), msgPoll, types.ExprString(l.exits[0]))
}

// collectAssigned records every variable the loop assigns to, its post
// statement and nested statements included.
func (l *loop) collectAssigned(fs *ast.ForStmt) {
	mark := func(e ast.Expr) {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			if obj := l.obj(id); obj != nil {
				l.assigned[obj] = true
			}
		}
	}
	for _, n := range []ast.Node{fs.Post, fs.Body} {
		if n == nil {
			continue
		}
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, e := range n.Lhs {
					mark(e)
				}
			case *ast.IncDecStmt:
				mark(n.X)
			case *ast.RangeStmt:
				mark(n.Key)
				mark(n.Value)
			}
			return true
		})
	}
}

func (l *loop) obj(id *ast.Ident) types.Object {
	if obj := l.pass.TypesInfo.Defs[id]; obj != nil {
		return obj
	}
	return l.pass.TypesInfo.Uses[id]
}

// block looks at the statements of the loop's body (top says they are
// its own, not inside an if): each must be passive, an if that leaves the
// loop on a passive condition, or (at the top, once) a select whose
// default does nothing.
func (l *loop) block(list []ast.Stmt, top bool) {
	for _, s := range list {
		if l.busy {
			return
		}
		switch s := s.(type) {
		case *ast.SelectStmt:
			switch {
			case !top || l.sel != nil || l.tick != nil:
				l.busy = true
			case l.idleDefault(s):
				l.sel = s
			default:
				if l.tick = l.lookingTick(s); l.tick == nil {
					l.busy = true
				}
			}
		case *ast.IfStmt:
			l.ifStmt(s)
		case *ast.BlockStmt:
			l.block(s.List, top)
		default:
			if !l.passiveStmt(s) {
				l.busy = true
			}
		}
	}
}

// ifStmt takes an if in the loop's body: its condition must be passive,
// and when its branch leaves the loop (break, return) the condition is one
// of the loop's exits.
func (l *loop) ifStmt(s *ast.IfStmt) {
	if s.Init != nil && !l.passiveStmt(s.Init) || !l.passiveExpr(s.Cond) {
		l.busy = true
		return
	}
	if n := len(s.Body.List); n > 0 && leaves(s.Body.List[n-1]) {
		// The branch runs once, on the way out: what it does is not
		// the loop's waiting.
		l.exits = append(l.exits, s.Cond)
	} else {
		l.block(s.Body.List, false)
	}
	switch e := s.Else.(type) {
	case *ast.BlockStmt:
		l.block(e.List, false)
	case *ast.IfStmt:
		l.ifStmt(e)
	}
}

// leaves reports whether s ends the loop: a break (of the loop: a select
// it could break is busy anyway) or a return.
func leaves(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return s.Tok == token.BREAK || s.Tok == token.GOTO
	}
	return false
}

// idleDefault reports whether sel has a default case that does nothing
// and lets the loop go round again.
func (l *loop) idleDefault(sel *ast.SelectStmt) bool {
	for _, c := range sel.Body.List {
		cc := c.(*ast.CommClause)
		if cc.Comm != nil {
			continue
		}
		for _, s := range cc.Body {
			if !l.passiveStmt(s) {
				return false
			}
		}
		return true
	}
	return false
}

// lookingTick is sel's case on a timer (time.After, time.Tick, a Ticker's
// or a Timer's C) whose body only looks at something and leaves the loop
// when it sees it, without waiting for it: a select with an idle default
// whose other cases leave, or an if on a read that leaves. Nil when there
// is none: a timer's case that does nothing, or does work, is not a poll.
func (l *loop) lookingTick(sel *ast.SelectStmt) *ast.CommClause {
	for _, c := range sel.Body.List {
		cc := c.(*ast.CommClause)
		if t := comm.Received(cc.Comm); t == nil || !l.timer(t) {
			continue
		}
		looks := false
		for _, s := range cc.Body {
			switch s := s.(type) {
			case *ast.SelectStmt:
				if !l.idleDefault(s) || !l.allLeave(s) {
					return nil
				}
				looks = true
			case *ast.IfStmt:
				n := len(s.Body.List)
				if s.Init != nil || s.Else != nil || !l.passiveExpr(s.Cond) || !l.reads(s.Cond) || n == 0 || !leaves(s.Body.List[n-1]) {
					return nil
				}
				looks = true
			default:
				if !l.passiveStmt(s) {
					return nil
				}
			}
		}
		if looks {
			return cc
		}
	}
	return nil
}

// allLeave reports whether every case of sel but its default leaves the
// loop: a return, or a break or goto with a label (a plain break would
// leave only sel).
func (l *loop) allLeave(sel *ast.SelectStmt) bool {
	for _, c := range sel.Body.List {
		cc := c.(*ast.CommClause)
		if cc.Comm == nil {
			continue
		}
		n := len(cc.Body)
		if n == 0 {
			return false
		}
		switch last := cc.Body[n-1].(type) {
		case *ast.ReturnStmt:
		case *ast.BranchStmt:
			if last.Tok == token.CONTINUE || last.Label == nil {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// timer reports whether ch is a timer's channel: a call of time.After or
// time.Tick, or the C of a time.Ticker or time.Timer.
func (l *loop) timer(ch ast.Expr) bool {
	switch ch := ast.Unparen(ch).(type) {
	case *ast.CallExpr:
		name := l.callee(ch)
		return name == "time.After" || name == "time.Tick"
	case *ast.SelectorExpr:
		if ch.Sel.Name != "C" {
			return false
		}
		t := l.pass.TypesInfo.TypeOf(ch.X)
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		n, ok := t.(*types.Named)
		return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "time" && (n.Obj().Name() == "Ticker" || n.Obj().Name() == "Timer")
	}
	return false
}

// passiveStmt reports whether s neither blocks for long nor makes
// progress: a yield, a sleep, a lock taken or released around a read, a
// read into a variable, continue.
func (l *loop) passiveStmt(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.EmptyStmt:
		return true
	case *ast.BranchStmt:
		return s.Tok == token.CONTINUE
	case *ast.BlockStmt:
		return !slices.ContainsFunc(s.List, func(s ast.Stmt) bool { return !l.passiveStmt(s) })
	case *ast.ExprStmt:
		call, ok := ast.Unparen(s.X).(*ast.CallExpr)
		return ok && l.idleCall(call)
	case *ast.AssignStmt:
		if s.Tok != token.ASSIGN && s.Tok != token.DEFINE {
			return false // x += d carries x over
		}
		for _, e := range s.Lhs {
			if _, ok := ast.Unparen(e).(*ast.Ident); !ok {
				return false // a write to shared state
			}
		}
		for _, e := range s.Rhs {
			if !l.passiveExpr(e) || l.carries(e) {
				return false
			}
		}
		return true
	case *ast.DeclStmt:
		gd, ok := s.Decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			return gd != nil && gd.Tok != token.IMPORT
		}
		for _, spec := range gd.Specs {
			for _, v := range spec.(*ast.ValueSpec).Values {
				if !l.passiveExpr(v) || l.carries(v) {
					return false
				}
			}
		}
		return true
	}
	return false
}

// carries reports whether e reads a variable the loop assigns: its value
// then depends on the round before.
func (l *loop) carries(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && l.assigned[l.pass.TypesInfo.Uses[id]] {
			found = true
		}
		return !found
	})
	return found
}

// idleCall reports whether a call, as a statement, only passes time: a
// yield, a sleep, a lock's Lock or Unlock.
func (l *loop) idleCall(call *ast.CallExpr) bool {
	switch name := l.callee(call); name {
	case "runtime.Gosched", "time.Sleep":
		return !slices.ContainsFunc(call.Args, func(a ast.Expr) bool { return !l.passiveExpr(a) })
	case "sync.Mutex.Lock", "sync.Mutex.Unlock", "sync.RWMutex.Lock", "sync.RWMutex.Unlock",
		"sync.RWMutex.RLock", "sync.RWMutex.RUnlock":
		return true
	}
	return false
}

// passiveExpr reports whether evaluating e only reads: variables, atomic
// Loads, len and cap, a TryLock, the clock, a context's Err; no receive,
// no call that does something.
func (l *loop) passiveExpr(e ast.Expr) bool {
	ok := true
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			ok = false
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				ok = false
			}
		case *ast.CallExpr:
			if !l.readCall(n) {
				ok = false
			}
		}
		return ok
	})
	return ok
}

// reads reports whether e depends on anything another goroutine could
// change: a variable, or a call that polls.
func (l *loop) reads(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			if _, ok := l.pass.TypesInfo.Uses[n].(*types.Var); ok {
				found = true
			}
		case *ast.CallExpr:
			if tv, ok := l.pass.TypesInfo.Types[n.Fun]; !ok || !tv.IsType() && !tv.IsBuiltin() {
				found = true
			}
		}
		return !found
	})
	return found
}

// readCall reports whether a call only reads shared state (or converts a
// type): the calls a polling loop is made of.
func (l *loop) readCall(call *ast.CallExpr) bool {
	if tv, ok := l.pass.TypesInfo.Types[call.Fun]; ok && tv.IsType() {
		return true
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := l.pass.TypesInfo.Uses[id].(*types.Builtin); ok {
			switch b.Name() {
			case "len", "cap", "min", "max":
				return true
			}
			return false
		}
	}
	name := l.callee(call)
	switch {
	case l.isLock(call):
		return true
	case strings.HasPrefix(name, "sync/atomic."):
		fn := name[strings.LastIndex(name, ".")+1:]
		return strings.HasPrefix(fn, "Load")
	case name == "context.Context.Err", name == "time.Now", name == "time.Since", name == "time.Until":
		return true
	case strings.HasPrefix(name, "time.Time."):
		return true
	}
	return false
}

// isLock reports whether call tries to take a lock without blocking: a
// TryLock or TryRLock, or a CompareAndSwap from a constant (a lock made by
// hand: it succeeds only once another goroutine has put the constant
// back).
func (l *loop) isLock(call *ast.CallExpr) bool {
	name := l.callee(call)
	switch name {
	case "sync.Mutex.TryLock", "sync.RWMutex.TryLock", "sync.RWMutex.TryRLock":
		return true
	}
	if !strings.HasPrefix(name, "sync/atomic.") || !strings.Contains(name, "CompareAndSwap") {
		return false
	}
	old := 0 // the method's first argument is old; the function's, the address
	if fn, _ := strings.CutPrefix(name, "sync/atomic."); !strings.Contains(fn, ".") {
		old = 1
	}
	if len(call.Args) <= old {
		return false
	}
	tv, ok := l.pass.TypesInfo.Types[call.Args[old]]
	return ok && (tv.Value != nil || tv.IsNil())
}

// lockCall is the first lock tried in exits, or nil.
func (l *loop) lockCall(exits []ast.Expr) *ast.CallExpr {
	var lock *ast.CallExpr
	for _, e := range exits {
		ast.Inspect(e, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && lock == nil && l.isLock(call) {
				lock = call
			}
			return lock == nil
		})
	}
	return lock
}

// callee names the function a call calls: "time.Sleep",
// "sync.Mutex.Lock", "sync/atomic.Int64.Load", "sync/atomic.LoadInt64",
// "context.Context.Err"; "" for anything else.
func (l *loop) callee(call *ast.CallExpr) string {
	fn, ok := typeutil.Callee(l.pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return ""
	}
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil {
		return fn.Pkg().Path() + "." + fn.Name()
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	if !ok {
		return ""
	}
	return fn.Pkg().Path() + "." + n.Obj().Name() + "." + fn.Name()
}
