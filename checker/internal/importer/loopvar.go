package importer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ast/astutil"
)

// Before Go 1.22 a loop's variables were one set for the whole loop; since,
// each iteration has its own. The most famous data race of all, goroutines
// started in a loop all reading the loop counter, only exists under the old
// rule, and racelab's module is Go 1.26. So a program written for an older
// Go has its capturing loops rewritten to declare their variables once,
// before the loop: the same program under the new rule, racy as it was.

// capture is a loop whose variables something outside an iteration holds.
type capture struct {
	loop  ast.Stmt // *ast.ForStmt or *ast.RangeStmt
	vars  []*types.Var
	names []string
}

// captures finds the loops of file f whose variables are held beyond an
// iteration: referenced from a function literal, or address taken. With
// goOnly, only holds by a go statement count (the ones that make a race).
func captures(c *checked, f *ast.File, goOnly bool) []capture {
	var out []capture
	ast.Inspect(f, func(n ast.Node) bool {
		var idents []*ast.Ident
		var body *ast.BlockStmt
		switch s := n.(type) {
		case *ast.ForStmt:
			if as, ok := s.Init.(*ast.AssignStmt); ok && as.Tok == token.DEFINE {
				for _, lhs := range as.Lhs {
					if id, ok := lhs.(*ast.Ident); ok {
						idents = append(idents, id)
					}
				}
			}
			body = s.Body
		case *ast.RangeStmt:
			if s.Tok == token.DEFINE {
				for _, e := range []ast.Expr{s.Key, s.Value} {
					if id, ok := e.(*ast.Ident); ok {
						idents = append(idents, id)
					}
				}
			}
			body = s.Body
		default:
			return true
		}
		var vars []*types.Var
		var names []string
		for _, id := range idents {
			if v, ok := c.info.Defs[id].(*types.Var); ok && id.Name != "_" {
				vars = append(vars, v)
				names = append(names, id.Name)
			}
		}
		if len(vars) > 0 && holds(c, body, vars, goOnly) {
			out = append(out, capture{loop: n.(ast.Stmt), vars: vars, names: names})
		}
		return true
	})
	return out
}

// holds reports whether body lets one of vars outlive an iteration.
func holds(c *checked, body *ast.BlockStmt, vars []*types.Var, goOnly bool) bool {
	isVar := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return false
		}
		v, ok := c.info.Uses[id].(*types.Var)
		return ok && slices.Contains(vars, v)
	}
	refersIn := func(n ast.Node) bool {
		found := false
		ast.Inspect(n, func(m ast.Node) bool {
			if e, ok := m.(ast.Expr); ok && isVar(e) {
				found = true
			}
			return !found
		})
		return found
	}
	// addressOf reports &v or &v.f with v a variable of the loop (not a
	// pointer: &p.f takes the address of what p points to).
	addressOf := func(e ast.Expr) bool {
		u, ok := ast.Unparen(e).(*ast.UnaryExpr)
		if !ok || u.Op != token.AND {
			return false
		}
		x := ast.Unparen(u.X)
		for {
			sel, ok := x.(*ast.SelectorExpr)
			if !ok {
				break
			}
			if t := c.info.TypeOf(sel.X); t != nil {
				if _, ptr := t.Underlying().(*types.Pointer); ptr {
					return false
				}
			}
			x = ast.Unparen(sel.X)
		}
		return isVar(x)
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.GoStmt:
			if refersIn(n.Call.Fun) && isFuncLitOrHasLit(n.Call.Fun) {
				found = true
			}
			for _, a := range n.Call.Args {
				if addressOf(a) || (isFuncLitOrHasLit(a) && refersIn(a)) {
					found = true
				}
			}
			// go v.m() with a pointer receiver takes &v.
			if sel, ok := ast.Unparen(n.Call.Fun).(*ast.SelectorExpr); ok && isVar(sel.X) {
				if s := c.info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
					if sig, ok := s.Obj().Type().(*types.Signature); ok && sig.Recv() != nil {
						_, recvPtr := sig.Recv().Type().(*types.Pointer)
						_, varPtr := c.info.TypeOf(sel.X).Underlying().(*types.Pointer)
						if recvPtr && !varPtr {
							found = true
						}
					}
				}
			}
		case *ast.FuncLit:
			if !goOnly && refersIn(n.Body) {
				found = true
			}
		case *ast.UnaryExpr:
			if !goOnly && addressOf(n) {
				found = true
			}
		}
		return true
	})
	return found
}

func isFuncLitOrHasLit(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			found = true
		}
		return !found
	})
	return found
}

// modernLoops reports whether the file uses loop forms that only exist
// since Go 1.22 (range over an integer or a function): such a program was
// written for the new rule.
func modernLoops(c *checked, f *ast.File) bool {
	found := false
	ast.Inspect(f, func(n ast.Node) bool {
		if r, ok := n.(*ast.RangeStmt); ok {
			if t := c.info.TypeOf(r.X); t != nil {
				switch t.Underlying().(type) {
				case *types.Basic, *types.Signature:
					if b, ok := t.Underlying().(*types.Basic); !ok || b.Info()&types.IsString == 0 {
						found = true
					}
				}
			}
		}
		return !found
	})
	return found
}

// shareLoopVars rewrites the capturing loops of file name so that their
// variables are declared once, before the loop, and shared by every
// iteration: `for i := 0; i < n; i++` becomes `i := 0; for ; i < n; i++`,
// and `for k, v := range m` becomes `var k K; var v V; for k, v = range m`.
// When a name could clash where it now lives, the loop is wrapped in a
// block. It returns the new source and one note per loop.
func shareLoopVars(c *checked, name string, loops []capture) ([]byte, []string, error) {
	f := c.files[name]
	src := c.src[name]
	var edits []edit
	var notes []string
	var imports []string
	for _, cp := range loops {
		start := cp.loop.Pos()
		path, _ := astutil.PathEnclosingInterval(f, cp.loop.Pos(), cp.loop.End())
		var scope *types.Scope
		for i, p := range path[1:] {
			if l, ok := p.(*ast.LabeledStmt); ok && l.Stmt == cp.loop {
				start = l.Pos()
				continue
			}
			scope = c.info.Scopes[p]
			if scope == nil && i+2 < len(path) {
				// A function body has no scope of its own: its
				// declarations live in the function's (its FuncType's).
				switch fn := path[i+2].(type) {
				case *ast.FuncDecl:
					scope = c.info.Scopes[fn.Type]
				case *ast.FuncLit:
					scope = c.info.Scopes[fn.Type]
				}
			}
			break
		}
		wrap := false
		if scope != nil {
			for _, n := range cp.names {
				if obj := scope.Lookup(n); obj != nil {
					wrap = true
				}
				if _, obj := scope.LookupParent(n, token.NoPos); obj != nil {
					wrap = true
				}
			}
		} else {
			wrap = true
		}
		var decl string
		switch s := cp.loop.(type) {
		case *ast.ForStmt:
			decl = string(src[c.offset(s.Init.Pos()):c.offset(s.Init.End())]) + "\n"
			edits = append(edits, edit{c.offset(s.Init.Pos()), c.offset(s.Init.End()), ""})
		case *ast.RangeStmt:
			for _, v := range cp.vars {
				t := types.TypeString(v.Type(), qualifier(c, f, &imports))
				decl += fmt.Sprintf("var %s %s\n", v.Name(), t)
			}
			edits = append(edits, edit{c.offset(s.TokPos), c.offset(s.TokPos) + len(":="), "="})
		}
		if wrap {
			edits = append(edits, edit{c.offset(start), c.offset(start), "{\n" + decl},
				edit{c.offset(cp.loop.End()), c.offset(cp.loop.End()), "\n}"})
		} else {
			edits = append(edits, edit{c.offset(start), c.offset(start), decl})
		}
		notes = append(notes, fmt.Sprintf("%s:%d: the loop's %s declared once, before the loop, and shared by every iteration, as in Go before 1.22 (racelab's module is Go 1.26, where each iteration has its own)",
			name, c.line(cp.loop.Pos()), plural(cp.names, "variable", "variables")))
	}
	out, err := tidy(name, apply(src, edits), imports, c.importNames())
	if err != nil {
		return nil, nil, err
	}
	return out, notes, nil
}

// qualifier names other packages' types as the file imports them, noting
// the imports a declaration needs that the file lacks.
func qualifier(c *checked, f *ast.File, missing *[]string) types.Qualifier {
	return func(p *types.Package) string {
		if p == c.pkg {
			return ""
		}
		for _, imp := range f.Imports {
			if path, _ := strconv.Unquote(imp.Path.Value); path == p.Path() {
				if imp.Name != nil {
					return imp.Name.Name
				}
				return p.Name()
			}
		}
		if !slices.Contains(*missing, p.Path()) {
			*missing = append(*missing, p.Path())
		}
		return p.Name()
	}
}

func plural(names []string, one, many string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = "`" + n + "`"
	}
	if len(names) == 1 {
		return one + " " + q[0] + " is"
	}
	return many + " " + strings.Join(q, " and ") + " are"
}
