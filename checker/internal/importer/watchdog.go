package importer

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"sort"
)

// Kernels of blocking bugs (the deadlocks and leaks of bug studies such as
// the ASPLOS'19 study of Go concurrency bugs) often watch for their own
// hang: they wait for the work with a timeout and, when it fires, print
// "deadlock: ..." and exit 1 (or panic); or, once the work is done, they
// count their goroutines and exit 1 when some are left. Judged as a lab,
// such a program ends with status 1, before the judge's watchdog (exit 68)
// or leak check (exit 67) can see the bug, and its lab could only expect
// "fail", which teaches nothing and fails verify. The judge already does
// that watching, from outside, and names what it finds: so the program's
// own watch is taken out, the same way in both versions, and what it did
// is reported. Only code that runs on the give-up path goes: a timeout case
// of a select, an if on the goroutine count or on the time waited, a
// timer's callback, or a goroutine that does nothing but wait, print and end
// the program.

// giveUp is one piece of a program's own hang detection, to delete.
type giveUp struct {
	from, to int    // byte offsets of what to delete
	with     string // what replaces it ("": nothing)
	line     int
	what     string // for the report
}

// ownWatchdogs finds the program's own hang detection in file name.
func ownWatchdogs(c *checked, name string) []giveUp {
	f := c.files[name]
	var out []giveUp
	add := func(n ast.Node, what string) {
		out = append(out, giveUp{from: c.offset(n.Pos()), to: c.offset(n.End()), line: c.line(n.Pos()), what: what})
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectStmt:
			var keep int
			var drop []*ast.CommClause
			for _, s := range n.Body.List {
				cc := s.(*ast.CommClause)
				if timerComm(c, cc.Comm) && failsProgram(c, cc.Body, 0) {
					drop = append(drop, cc)
				} else {
					keep++
				}
			}
			// A select left with no case would block for ever: that is no
			// longer the program's own watch, but its whole wait.
			if keep == 0 || len(drop) == 0 {
				break
			}
			for _, cc := range drop {
				add(cc, "a select case that gives up when a timer fires")
			}
			// What is left of `select { case <-done: }` is `<-done`.
			if keep == 1 && len(n.Body.List) == 2 {
				for _, s := range n.Body.List {
					if cc := s.(*ast.CommClause); !slices.Contains(drop, cc) && len(cc.Body) == 0 {
						if es, ok := cc.Comm.(*ast.ExprStmt); ok {
							out = append(out[:len(out)-1], giveUp{from: c.offset(n.Pos()), to: c.offset(n.End()),
								with: string(c.src[name][c.offset(es.Pos()):c.offset(es.End())]), line: c.line(drop[0].Pos()), what: out[len(out)-1].what})
						}
					}
				}
			}
		case *ast.BlockStmt:
			for _, s := range n.List {
				switch s := s.(type) {
				case *ast.IfStmt:
					switch {
					case s.Else != nil || !failsProgram(c, s.Body.List, 0):
					case countsGoroutines(c, s):
						add(s, "a check that counts goroutines (runtime.NumGoroutine) and gives up")
					case readsClock(c, s):
						add(s, "a check of the time waited (time.Since) that gives up")
					}
				case *ast.GoStmt:
					if lit, ok := ast.Unparen(s.Call.Fun).(*ast.FuncLit); ok && len(s.Call.Args) == 0 && onlyWatches(c, lit.Body.List) {
						add(s, "a goroutine that waits, then gives up")
					}
				case *ast.ExprStmt:
					if call, ok := s.X.(*ast.CallExpr); ok && isFunc(c, call.Fun, "time", "AfterFunc") && len(call.Args) == 2 {
						if lit, ok := ast.Unparen(call.Args[1]).(*ast.FuncLit); ok && failsProgram(c, lit.Body.List, 1) {
							add(s, "a timer (time.AfterFunc) that gives up")
						}
					}
				}
			}
		}
		return true
	})
	return withUnusedDefs(c, f, out)
}

// withUnusedDefs adds, to the deletions, the definitions of local
// variables used only in what is deleted (`timeout := time.After(d)` for
// a select case on <-timeout, `n := runtime.NumGoroutine()`), which would
// otherwise be declared and not used. Only definitions with no other
// effect are taken: a single variable, defined from a call to the time or
// runtime package.
func withUnusedDefs(c *checked, f *ast.File, dels []giveUp) []giveUp {
	if len(dels) == 0 {
		return nil
	}
	inside := func(pos token.Pos) bool {
		off := c.offset(pos)
		for _, d := range dels {
			if off >= d.from && off < d.to {
				return true
			}
		}
		return false
	}
	usedOutside := map[types.Object]bool{}
	usedInside := map[types.Object]bool{}
	for id, obj := range c.info.Uses {
		if c.fset.File(id.Pos()) != c.fset.File(f.Pos()) {
			continue
		}
		if inside(id.Pos()) {
			usedInside[obj] = true
		} else {
			usedOutside[obj] = true
		}
	}
	extra := dels
	ast.Inspect(f, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || as.Tok != token.DEFINE || len(as.Lhs) != 1 || len(as.Rhs) != 1 || inside(as.Pos()) {
			return true
		}
		id, ok := as.Lhs[0].(*ast.Ident)
		if !ok {
			return true
		}
		obj := c.info.Defs[id]
		call, isCall := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		if obj == nil || !isCall || !usedInside[obj] || usedOutside[obj] || !fromPackage(c, call.Fun, "time", "runtime") {
			return true
		}
		extra = append(extra, giveUp{from: c.offset(as.Pos()), to: c.offset(as.End()), line: c.line(as.Pos())})
		return true
	})
	sort.Slice(extra, func(i, j int) bool { return extra[i].from < extra[j].from })
	return extra
}

// timerComm reports whether a select case receives from a timer: a
// channel of time.Time (time.After, time.Tick, a Timer's or Ticker's C) or
// a context's Done.
func timerComm(c *checked, comm ast.Stmt) bool {
	var e ast.Expr
	switch s := comm.(type) {
	case *ast.ExprStmt:
		e = s.X
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 {
			e = s.Rhs[0]
		}
	}
	u, ok := ast.Unparen(e).(*ast.UnaryExpr)
	if !ok || u.Op != token.ARROW {
		return false
	}
	if ch, ok := c.info.TypeOf(u.X).Underlying().(*types.Chan); ok && isNamed(ch.Elem(), "time", "Time") {
		return true
	}
	if call, ok := ast.Unparen(u.X).(*ast.CallExpr); ok {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Done" && isNamed(c.info.TypeOf(sel.X), "context", "Context") {
			return true
		}
	}
	return false
}

// failsProgram reports whether the statements end the program with a
// failure (os.Exit with a status other than 0, log.Fatal or log.Panic, a
// panic), at their top level or, with depth > 0, inside an if among them.
func failsProgram(c *checked, stmts []ast.Stmt, depth int) bool {
	for _, s := range stmts {
		switch s := s.(type) {
		case *ast.ExprStmt:
			if failureExit(c, s.X) {
				return true
			}
		case *ast.IfStmt:
			if depth > 0 && failsProgram(c, s.Body.List, depth-1) {
				return true
			}
		}
	}
	return false
}

// failureExit reports whether e is a call that ends the program with a
// failure.
func failureExit(c *checked, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := c.info.Uses[id].(*types.Builtin); ok && b.Name() == "panic" {
			return true
		}
	}
	fn := calledFunc(c, call.Fun)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() + "." + fn.Name() {
	case "os.Exit", "syscall.Exit":
		if len(call.Args) == 1 {
			if tv, ok := c.info.Types[call.Args[0]]; ok && tv.Value != nil && constant.Compare(tv.Value, token.EQL, constant.MakeInt64(0)) {
				return false // exit 0 is a success, not giving up
			}
		}
		return true
	case "log.Fatal", "log.Fatalf", "log.Fatalln", "log.Panic", "log.Panicf", "log.Panicln":
		return true // the package's functions and (*log.Logger)'s methods alike
	}
	return false
}

// onlyWatches reports whether a goroutine's body does nothing but wait
// (sleep, a timer, a select on timers), print, and end the program with a
// failure, possibly in a loop or under an if: a watchdog, whose removal
// takes nothing from the program's work.
func onlyWatches(c *checked, body []ast.Stmt) bool {
	waits, fails := false, false
	var scan func([]ast.Stmt) bool
	scan = func(stmts []ast.Stmt) bool {
		for _, s := range stmts {
			switch s := s.(type) {
			case *ast.ExprStmt:
				switch {
				case failureExit(c, s.X):
					fails = true
				case isWait(c, s.X):
					waits = true
				case isPrint(c, s.X):
				default:
					return false
				}
			case *ast.IfStmt:
				if s.Init != nil || !scan(s.Body.List) {
					return false
				}
				if s.Else != nil {
					els, ok := s.Else.(*ast.BlockStmt)
					if !ok || !scan(els.List) {
						return false
					}
				}
			case *ast.ForStmt:
				if s.Init != nil || s.Post != nil || !scan(s.Body.List) {
					return false
				}
			case *ast.SelectStmt:
				for _, cc := range s.Body.List {
					cc := cc.(*ast.CommClause)
					if !timerComm(c, cc.Comm) || !scan(cc.Body) {
						return false
					}
				}
				waits = true
			default:
				return false
			}
		}
		return true
	}
	return scan(body) && waits && fails
}

// isWait reports a sleep or a receive from a timer.
func isWait(c *checked, e ast.Expr) bool {
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		return isFunc(c, call.Fun, "time", "Sleep")
	}
	return timerComm(c, &ast.ExprStmt{X: e})
}

// isPrint reports a call that only prints: fmt's and log's Print
// functions, and the print builtins.
func isPrint(c *checked, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := c.info.Uses[id].(*types.Builtin); ok && (b.Name() == "print" || b.Name() == "println") {
			return true
		}
	}
	fn := calledFunc(c, call.Fun)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() + "." + fn.Name() {
	case "fmt.Print", "fmt.Printf", "fmt.Println", "fmt.Fprint", "fmt.Fprintf", "fmt.Fprintln",
		"log.Print", "log.Printf", "log.Println":
		return true
	}
	return false
}

// countsGoroutines reports whether an if statement's condition (or its
// init) counts the program's goroutines, directly or through a variable
// defined from runtime.NumGoroutine.
func countsGoroutines(c *checked, s *ast.IfStmt) bool {
	return condUses(c, s, func(fun ast.Expr) bool { return isFunc(c, fun, "runtime", "NumGoroutine") },
		func(v *types.Var) bool { return definedFrom(c, v, "runtime", "NumGoroutine") })
}

// readsClock reports whether s's condition asks how long the program has
// waited: time.Since or time.Until, or a time.Time's After, Before, Sub or
// Compare (`time.Now().After(deadline)`), directly or through a variable
// defined from one.
func readsClock(c *checked, s *ast.IfStmt) bool {
	clock := func(fun ast.Expr) bool {
		if isFunc(c, fun, "time", "Since") || isFunc(c, fun, "time", "Until") {
			return true
		}
		fn := calledFunc(c, fun)
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "time" {
			return false
		}
		recv := fn.Type().(*types.Signature).Recv()
		return recv != nil && types.TypeString(recv.Type(), nil) == "time.Time" &&
			slices.Contains([]string{"After", "Before", "Sub", "Compare"}, fn.Name())
	}
	return condUses(c, s, clock, func(v *types.Var) bool {
		return definedFrom(c, v, "time", "Since") || definedFrom(c, v, "time", "Until")
	})
}

// condUses reports whether an if statement's init or condition calls a
// function call accepts, or reads a variable defined accepts.
func condUses(c *checked, s *ast.IfStmt, call func(fun ast.Expr) bool, defined func(*types.Var) bool) bool {
	found := false
	check := func(n ast.Node) {
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				found = call(n.Fun)
			case *ast.Ident:
				v, ok := c.info.Uses[n].(*types.Var)
				found = ok && defined(v)
			}
			return !found
		})
	}
	if s.Init != nil {
		check(s.Init)
	}
	if !found {
		check(s.Cond)
	}
	return found
}

// definedFrom reports whether v is defined by `v := pkg.name(...)`.
func definedFrom(c *checked, v *types.Var, pkg, name string) bool {
	for _, f := range c.files {
		if c.fset.File(f.Pos()) != c.fset.File(v.Pos()) {
			continue
		}
		found := false
		ast.Inspect(f, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || found || as.Tok != token.DEFINE || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
				return !found
			}
			if id, ok := as.Lhs[0].(*ast.Ident); ok && c.info.Defs[id] == v {
				if call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr); ok && isFunc(c, call.Fun, pkg, name) {
					found = true
				}
			}
			return !found
		})
		return found
	}
	return false
}

// calledFunc is the function (or method) a call's fun refers to, or nil.
func calledFunc(c *checked, fun ast.Expr) *types.Func {
	switch f := ast.Unparen(fun).(type) {
	case *ast.SelectorExpr:
		fn, _ := c.info.Uses[f.Sel].(*types.Func)
		return fn
	case *ast.Ident:
		fn, _ := c.info.Uses[f].(*types.Func)
		return fn
	}
	return nil
}

// isFunc reports whether fun is the package-level function pkg.name.
func isFunc(c *checked, fun ast.Expr, pkg, name string) bool {
	fn := calledFunc(c, fun)
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == pkg && fn.Name() == name && fn.Type().(*types.Signature).Recv() == nil
}

// fromPackage reports whether fun is a function of one of the packages.
func fromPackage(c *checked, fun ast.Expr, pkgs ...string) bool {
	fn := calledFunc(c, fun)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	for _, p := range pkgs {
		if fn.Pkg().Path() == p {
			return true
		}
	}
	return false
}

// isNamed reports whether t is (a pointer to) the named type pkg.name.
func isNamed(t types.Type, pkg, name string) bool {
	if t == nil {
		return false
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

// stripWatchdogs deletes the program's own hang detection from file name
// and returns the new source and a note per piece taken out.
func stripWatchdogs(c *checked, name string) ([]byte, []string, error) {
	found := ownWatchdogs(c, name)
	if len(found) == 0 {
		return c.src[name], nil, nil
	}
	var edits []edit
	var notes []string
	src := c.src[name]
	end := -1
	for _, g := range found {
		if g.from < end {
			continue // inside a deletion already made (a select case in a watchdog goroutine)
		}
		end = g.to
		from := g.from
		if g.with == "" {
			// The line goes too, not only the code on it.
			for from > 0 && (src[from-1] == ' ' || src[from-1] == '\t') {
				from--
			}
			if from > 0 && src[from-1] == '\n' {
				from--
			}
		}
		edits = append(edits, edit{from, g.to, g.with})
		if g.what != "" {
			notes = append(notes, fmt.Sprintf("%s:%d: %s", name, g.line, g.what))
		}
	}
	out, err := tidy(name, apply(src, edits), nil, c.importNames())
	return out, notes, err
}
