package explain

import (
	"go/ast"
	"regexp"
)

// reBusyWaited reads how long the program waited for the spinning
// goroutine to block (overlap.Settle's report).
var reBusyWaited = regexp.MustCompile(`kept running for (\S+) while`)

// busyWait reads the program's report that a goroutine kept running
// through a whole settle (it spins where it should block), at ls[i], and
// the goroutine's stack after it. A goroutine running on another thread
// has no stack to show: then the go statement that started it leads to
// the loop.
func (p *state) busyWait(i int) int {
	pr := &Problem{Kind: BusyWait}
	if m := reBusyWaited.FindStringSubmatch(p.ls[i].text); m != nil {
		pr.Waited = m[1]
	}
	j := i + 1
	for j < len(p.ls) && j <= i+3 && !reDumpHeader.MatchString(p.ls[j].text) {
		j++
	}
	rgs, next := parseDump(p.ls, j)
	if len(rgs) == 0 {
		next = i + 1
	}
	var g Goroutine
	if len(rgs) > 0 {
		if v, ok := p.view(rgs[0]); ok {
			g = v.g
		} else if c := rgs[0].created; c != nil {
			if base, ok := p.src.student(c.file); ok {
				g = Goroutine{ID: rgs[0].id, Count: 1, Created: p.src.place(base, c.line, c.fn), CreatedBy: rgs[0].creator}
			}
		}
	}
	g.Wait = WaitRunning
	if !g.At.IsZero() || !g.Created.IsZero() {
		pr.Goroutines = []Goroutine{g}
	}
	pr.At, pr.SpinSelect = p.spinPlace(g)
	p.add(pr)
	return next
}

// spinPlace finds the loop a spinning goroutine goes round: the loop
// around the first of its lines in the student's files that is in one, or
// the first loop of the function its go statement starts. A select with a
// default case in that loop is the place itself (sel): it is why the loop
// never blocks.
func (p *state) spinPlace(g Goroutine) (Place, bool) {
	for _, at := range append([]Place{g.At}, g.Calls...) {
		f := p.src.file(at.File)
		if at.IsZero() || f == nil || f.ast == nil {
			continue
		}
		var loop ast.Stmt
		walk(f.ast, func(n ast.Node, stack []ast.Node) {
			if loop == nil && f.lineOf(n.Pos()) == at.Line {
				if _, ok := n.(ast.Stmt); ok {
					loop = loopOf(append(stack, n))
				}
			}
		})
		if loop != nil {
			return p.spinIn(at.File, f, loop)
		}
	}
	f := p.src.file(g.Created.File)
	if g.Created.IsZero() || f == nil || f.ast == nil {
		return Place{}, false
	}
	// The function the go statement starts: its literal, or a function of
	// the file called by name.
	var body ast.Node
	walk(f.ast, func(n ast.Node, _ []ast.Node) {
		gs, ok := n.(*ast.GoStmt)
		if !ok || body != nil || f.lineOf(gs.Pos()) != g.Created.Line {
			return
		}
		switch fn := ast.Unparen(gs.Call.Fun).(type) {
		case *ast.FuncLit:
			body = fn.Body
		case *ast.Ident:
			for _, d := range f.ast.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == fn.Name {
					body = fd.Body
				}
			}
		}
	})
	if body == nil {
		return Place{}, false
	}
	var loop ast.Stmt
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ForStmt:
			if loop == nil {
				loop = n
			}
		case *ast.RangeStmt:
			if loop == nil {
				loop = n
			}
		}
		return loop == nil
	})
	if loop == nil {
		return Place{}, false
	}
	return p.spinIn(g.Created.File, f, loop)
}

// spinIn is the place of loop, or of a select with a default case in it.
func (p *state) spinIn(base string, f *srcFile, loop ast.Stmt) (Place, bool) {
	var sel *ast.SelectStmt
	ast.Inspect(loop, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if s, ok := n.(*ast.SelectStmt); ok && sel == nil {
			for _, c := range s.Body.List {
				if cc, ok := c.(*ast.CommClause); ok && cc.Comm == nil {
					sel = s
				}
			}
		}
		return sel == nil
	})
	if sel != nil {
		return p.src.place(base, f.lineOf(sel.Pos()), ""), true
	}
	return p.src.place(base, f.lineOf(loop.Pos()), ""), false
}
