package explain

import (
	"go/ast"
	"go/token"
	"os"
	"slices"
	"strings"
)

// A lab marks the interesting part of its program with package overlap:
// overlap.Work in each task's slow step (the tasks must overlap there),
// overlap.Window between a check and its act. Those calls now live in the
// lab's fixture files, inside functions with the program's own names
// (servers.ping, tellerCountsCash), which the student's code calls. What a
// student needs to see is that call, in their own file, and what is around
// it: the loop that runs the tasks one by one, or the lock held around
// them.

// site is a call, in a student file, of a function that reaches an
// overlap marker.
type site struct {
	file  string // base name of the student file
	call  *ast.CallExpr
	stack []ast.Node // the call's ancestors, outermost first
}

// markerFuncs returns the names of the functions of the program's folder
// whose bodies call overlap.NAME, and the student files' own calls of it
// (an older lab calls overlap in the student's file itself).
func (p *state) markerFuncs(name string) (funcs []string, direct []site) {
	for _, base := range p.programFiles() {
		f := p.src.file(base)
		if f == nil || f.ast == nil {
			continue
		}
		student := slices.Contains(p.in.Editable, base)
		walk(f.ast, func(n ast.Node, stack []ast.Node) {
			call, ok := n.(*ast.CallExpr)
			if !ok || !isOverlapCall(call, name) {
				return
			}
			if fd := enclosingFunc(stack); fd != nil && fd.Name.Name != "run" && fd.Name.Name != "main" {
				funcs = append(funcs, fd.Name.Name)
				return
			}
			if student {
				direct = append(direct, site{file: base, call: call, stack: slices.Clone(stack)})
			}
		})
	}
	return funcs, direct
}

// programFiles lists the Go files of the program's folder (its fixture
// files too), the student's first.
func (p *state) programFiles() []string {
	out := slices.Clone(p.in.Editable)
	if p.in.ProgramDir == "" {
		return out
	}
	entries, _ := os.ReadDir(p.in.ProgramDir)
	for _, e := range entries {
		n := e.Name()
		if strings.HasSuffix(n, ".go") && !strings.HasSuffix(n, "_test.go") && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// taskSites returns the calls in the student's files that lead to
// overlap.NAME: the calls of the functions that call it and, with climb,
// of the student's functions that call those, a few levels up (a task the
// student wrapped in a helper of their own): then a call inside such a
// helper, outside any loop or goroutine, is a step on the way, not a site
// of its own.
func (p *state) taskSites(name string, climb bool) []site {
	funcs, sites := p.markerFuncs(name)
	seen := map[string]bool{}
	for range 3 {
		var next []string
		for _, fn := range funcs {
			if seen[fn] {
				continue
			}
			seen[fn] = true
			for _, base := range p.in.Editable {
				f := p.src.file(base)
				if f == nil || f.ast == nil {
					continue
				}
				walk(f.ast, func(n ast.Node, stack []ast.Node) {
					call, ok := n.(*ast.CallExpr)
					if !ok || calleeName(call) != fn {
						return
					}
					fd := enclosingFunc(stack)
					switch {
					case fd != nil && fd.Name.Name == fn:
						// recursion: no site
					case climb && fd != nil && fd.Name.Name != "run" && fd.Name.Name != "main" && !inLoop(stack) && !inGoroutine(stack):
						next = append(next, fd.Name.Name) // a helper of the student's: look for its callers
					default:
						sites = append(sites, site{file: base, call: call, stack: slices.Clone(stack)})
					}
				})
			}
		}
		if len(sites) > 0 || len(next) == 0 {
			break
		}
		funcs = next
	}
	return sites
}

// walk calls fn for every node of root with the node's ancestors.
func walk(root ast.Node, fn func(n ast.Node, stack []ast.Node)) {
	var stack []ast.Node
	ast.Inspect(root, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		fn(n, stack)
		stack = append(stack, n)
		return true
	})
}

// isOverlapCall reports whether call is overlap.NAME().
func isOverlapCall(call *ast.CallExpr, name string) bool {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != name {
		return false
	}
	id, ok := sel.X.(*ast.Ident)
	return ok && id.Name == "overlap"
}

// calleeName is the name a call calls: f for f(x), Ping for s.Ping(x).
func calleeName(call *ast.CallExpr) string {
	switch fn := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		return fn.Name
	case *ast.SelectorExpr:
		return fn.Sel.Name
	}
	return ""
}

func enclosingFunc(stack []ast.Node) *ast.FuncDecl {
	for i := len(stack) - 1; i >= 0; i-- {
		if fd, ok := stack[i].(*ast.FuncDecl); ok {
			return fd
		}
	}
	return nil
}

// inGoroutine reports whether the innermost of stack runs in a goroutine
// of its own: under a go statement, or in a function literal handed to a
// Go method (sync.WaitGroup.Go, errgroup.Group.Go).
func inGoroutine(stack []ast.Node) bool {
	for i, n := range stack {
		switch n := n.(type) {
		case *ast.GoStmt:
			return true
		case *ast.FuncLit:
			if i > 0 {
				if call, ok := stack[i-1].(*ast.CallExpr); ok && calleeName(call) == "Go" && slices.Contains(call.Args, ast.Expr(n)) {
					return true
				}
			}
		}
	}
	return false
}

// loopOf returns the innermost loop around the innermost of stack, nil
// when there is none.
func loopOf(stack []ast.Node) ast.Stmt {
	for i := len(stack) - 1; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.ForStmt:
			return n
		case *ast.RangeStmt:
			return n
		case *ast.FuncDecl:
			return nil
		}
	}
	return nil
}

func inLoop(stack []ast.Node) bool { return loopOf(stack) != nil }

// startsGoroutines reports whether the student's files start a goroutine
// anywhere: a program that never did cannot have lost its concurrency.
func (p *state) startsGoroutines() bool {
	for _, base := range p.in.Editable {
		f := p.src.file(base)
		if f == nil || f.ast == nil {
			continue
		}
		found := false
		walk(f.ast, func(n ast.Node, stack []ast.Node) {
			if _, ok := n.(*ast.GoStmt); ok {
				found = true
			}
			if lit, ok := n.(*ast.FuncLit); ok && inGoroutine(append(stack, lit)) {
				found = true
			}
		})
		if found {
			return true
		}
	}
	return false
}

// Serial is where the tasks of a run that was not concurrent went one by
// one.
type Serial string

// What a not-concurrent problem's place is.
const (
	SerialUnknown Serial = ""
	SerialLoop    Serial = "loop" // a loop calls each task itself: no goroutine (a go removed, or never written)
	SerialLock    Serial = "lock" // the tasks run in goroutines, a lock held around their slow step
	SerialWait    Serial = "wait" // the loop that starts the goroutines waits for each before starting the next
	SerialStep    Serial = "step" // the tasks' slow step, in goroutines, for a reason the source does not show
)

// serialPlace finds where the tasks of a not-concurrent run waited for
// each other: the loop that calls each task in turn rather than starting
// it in a goroutine, the wait in the loop that does start them, or the
// lock held around the slow step, or failing those the slow step itself.
// The held lock's name comes back too.
func (p *state) serialPlace() (Place, Serial, string) {
	sites := p.taskSites("Work", true)
	for _, s := range sites {
		if inGoroutine(s.stack) {
			continue
		}
		if loop := loopOf(s.stack); loop != nil {
			f := p.src.file(s.file)
			return p.src.place(s.file, f.lineOf(loop.Pos()), ""), SerialLoop, ""
		}
	}
	for _, s := range sites {
		if w := waitInLoop(s.stack); w != nil {
			f := p.src.file(s.file)
			return p.src.place(s.file, f.lineOf(w.Pos()), ""), SerialWait, ""
		}
	}
	for _, s := range sites {
		f := p.src.file(s.file)
		n := f.lineOf(s.call.Pos())
		if held := f.heldAt(n); len(held) > 0 {
			h := held[len(held)-1]
			return p.src.place(s.file, h.line, ""), SerialLock, f.text(h.recv)
		}
	}
	if len(sites) > 0 {
		s := sites[0]
		return p.src.place(s.file, p.src.file(s.file).lineOf(s.call.Pos()), ""), SerialStep, ""
	}
	return Place{}, SerialUnknown, ""
}

// waitInLoop finds, for a task that runs in a goroutine, a statement of
// the loop that starts the goroutine which, after starting it, waits
// (X.Wait(), a receive) before the loop goes round again: each goroutine
// is then waited for before the next one starts.
func waitInLoop(stack []ast.Node) ast.Stmt {
	start := -1 // the go statement, or the call of a Go method
	for i, n := range stack {
		switch n := n.(type) {
		case *ast.GoStmt:
			start = i
		case *ast.CallExpr:
			if calleeName(n) == "Go" && i+1 < len(stack) {
				if _, ok := stack[i+1].(*ast.FuncLit); ok {
					start = i
				}
			}
		}
		if start >= 0 {
			break
		}
	}
	if start < 1 {
		return nil
	}
	// The statement of the loop body that holds the start, and the loop.
	for i := start - 1; i >= 1; i-- {
		body, ok := stack[i].(*ast.BlockStmt)
		if !ok {
			continue
		}
		switch stack[i-1].(type) {
		case *ast.ForStmt, *ast.RangeStmt:
		default:
			continue
		}
		at := stack[i+1].Pos()
		for _, st := range body.List {
			if st.Pos() > at && waits(st) {
				return st
			}
		}
		return nil
	}
	return nil
}

// waits reports whether statement st blocks until another goroutine acts:
// a Wait call, or a receive, at its top level.
func waits(st ast.Stmt) bool {
	var e ast.Expr
	switch st := st.(type) {
	case *ast.ExprStmt:
		e = st.X
	case *ast.AssignStmt:
		if len(st.Rhs) == 1 {
			e = st.Rhs[0]
		}
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		return calleeName(e) == "Wait"
	case *ast.UnaryExpr:
		return e.Op == token.ARROW
	}
	return false
}

// windowPlace is where the student's files leave the gap between a check
// and its act: the lab's window itself when the student's file holds it
// (an older lab), or else the call that leads to it.
func (p *state) windowPlace() Place {
	if at := p.findCall("overlap.Window()"); !at.IsZero() {
		return at
	}
	for _, s := range p.taskSites("Window", false) {
		return p.src.place(s.file, p.src.file(s.file).lineOf(s.call.Pos()), "")
	}
	return Place{}
}

// stepName names the function that holds overlap.NAME for a student who
// never sees overlap: the fixture function their code used to call.
func (p *state) stepName(name string) string {
	funcs, direct := p.markerFuncs(name)
	if len(funcs) > 0 && len(direct) == 0 {
		return funcs[0] + "()"
	}
	return ""
}
