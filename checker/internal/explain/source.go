package explain

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// sources reads the student's files, once each, for one Parse call.
type sources struct {
	dir      string
	labName  string // e.g. 03-mutex
	prog     string // the program's folder, e.g. bank
	given    map[string][]byte
	editable []string
	files    map[string]*srcFile
}

// srcFile is one student file: its lines, and its syntax tree when it
// parses (a file that does not compile may still be shown line by line).
type srcFile struct {
	lines []string
	fset  *token.FileSet
	ast   *ast.File
}

// newSources reads the student's files from dir, the program's folder,
// except those given (base name → content), which stand in for them.
func newSources(dir string, given map[string][]byte, editable []string) *sources {
	s := &sources{dir: dir, given: given, editable: editable, files: map[string]*srcFile{}}
	if dir != "" {
		s.prog = filepath.Base(filepath.Clean(dir))
		s.labName = filepath.Base(filepath.Dir(filepath.Clean(dir)))
	}
	return s
}

// student reports whether a path printed in the output is one of the
// student's files, and returns its base name. A path must end in an
// editable file's name inside the lab's program folder (LAB/PROGRAM/file:
// absolute and -trimpath module paths both do), or be relative to the lab
// (PROGRAM/file, as the judge's build prints it), or have no directory at
// all: that keeps out files of the same name in racelab's packages, the
// solutions or another lab.
func (s *sources) student(p string) (string, bool) {
	p = strings.ReplaceAll(p, `\`, "/")
	base := path.Base(p)
	if !slices.Contains(s.editable, base) {
		return "", false
	}
	dir := path.Dir(p)
	if dir == "." || s.prog == "" || dir == s.prog || strings.HasSuffix("/"+dir, "/"+s.labName+"/"+s.prog) {
		return base, true
	}
	return "", false
}

func (s *sources) file(base string) *srcFile {
	if f, ok := s.files[base]; ok {
		return f
	}
	data, ok := s.given[base]
	if !ok && s.dir != "" {
		var err error
		data, err = os.ReadFile(filepath.Join(s.dir, base))
		ok = err == nil
	}
	var f *srcFile
	if ok {
		f = &srcFile{lines: strings.Split(string(data), "\n"), fset: token.NewFileSet()}
		// A file that does not parse is still worth quoting; its partial
		// tree is not worth analysing.
		if tree, err := parser.ParseFile(f.fset, base, data, parser.SkipObjectResolution); err == nil {
			f.ast = tree
		}
	}
	s.files[base] = f
	return f
}

// place builds the Place for line n of a student file.
func (s *sources) place(base string, n int, fn string) Place {
	p := Place{File: base, Line: n, Func: shortFunc(fn)}
	if f := s.file(base); f != nil && n >= 1 && n <= len(f.lines) {
		p.Source = strings.TrimSpace(f.lines[n-1])
	}
	return p
}

// studentPlaces returns the frames in the student's files as places,
// innermost first.
func (s *sources) studentPlaces(frames []frame) []Place {
	var out []Place
	for _, f := range frames {
		if base, ok := s.student(f.file); ok {
			out = append(out, s.place(base, f.line, f.fn))
		}
	}
	return out
}

// text returns the source text of node n, or "" if it spans lines.
func (f *srcFile) text(n ast.Node) string {
	start, end := f.fset.Position(n.Pos()), f.fset.Position(n.End())
	if start.Line != end.Line || start.Line < 1 || start.Line > len(f.lines) {
		return ""
	}
	l := f.lines[start.Line-1]
	if start.Column < 1 || end.Column-1 > len(l) {
		return ""
	}
	return l[start.Column-1 : end.Column-1]
}

func (f *srcFile) lineOf(p token.Pos) int { return f.fset.Position(p).Line }

// stmtsOn returns the statements that start on line n, outermost first.
func (f *srcFile) stmtsOn(n int) []ast.Stmt {
	var out []ast.Stmt
	ast.Inspect(f.ast, func(node ast.Node) bool {
		if node == nil {
			return false
		}
		if f.lineOf(node.Pos()) > n || f.lineOf(node.End()) < n {
			return false
		}
		if st, ok := node.(ast.Stmt); ok && f.lineOf(st.Pos()) == n {
			if _, block := st.(*ast.BlockStmt); !block {
				out = append(out, st)
			}
		}
		return true
	})
	return out
}

// nodesOn returns the nodes that start on line n and are not inside a
// function literal that starts on another line.
func (f *srcFile) nodesOn(n int) []ast.Node {
	var out []ast.Node
	ast.Inspect(f.ast, func(node ast.Node) bool {
		if node == nil {
			return false
		}
		if f.lineOf(node.Pos()) > n || f.lineOf(node.End()) < n {
			return false
		}
		if f.lineOf(node.Pos()) == n {
			out = append(out, node)
		}
		return true
	})
	return out
}

// ref is an expression that names memory: x, s.field, m[k], a.b.c.
type ref struct {
	expr  string // the source text
	root  string // the leftmost identifier
	field string // the last selector, if any
}

func newRef(f *srcFile, e ast.Expr) (ref, bool) {
	r := ref{expr: f.text(e)}
	if r.expr == "" {
		return ref{}, false
	}
	x := e
	for {
		switch v := x.(type) {
		case *ast.SelectorExpr:
			if r.field == "" {
				r.field = v.Sel.Name
			}
			x = v.X
			continue
		case *ast.IndexExpr:
			x = v.X
			continue
		case *ast.StarExpr:
			x = v.X
			continue
		case *ast.ParenExpr:
			x = v.X
			continue
		case *ast.Ident:
			if v.Name == "_" {
				return ref{}, false
			}
			r.root = v.Name
			return r, true
		}
		return ref{}, false
	}
}

// writeTargets returns what the statements on line n assign to.
func (f *srcFile) writeTargets(n int) []ast.Expr {
	var out []ast.Expr
	for _, st := range f.stmtsOn(n) {
		switch st := st.(type) {
		case *ast.AssignStmt:
			if st.Tok != token.DEFINE {
				out = append(out, st.Lhs...)
			}
		case *ast.IncDecStmt:
			out = append(out, st.X)
		case *ast.RangeStmt:
			if st.Tok == token.ASSIGN {
				for _, e := range []ast.Expr{st.Key, st.Value} {
					if e != nil {
						out = append(out, e)
					}
				}
			}
		}
	}
	return out
}

// chanOp returns the channel an operation on line n works on: the send's
// channel, the receive's operand, close's argument, the range's channel.
func (f *srcFile) chanOp(n int, op Op) ast.Expr {
	for _, node := range f.nodesOn(n) {
		switch v := node.(type) {
		case *ast.SendStmt:
			if op == OpChanSend {
				return v.Chan
			}
		case *ast.UnaryExpr:
			if op == OpChanReceive && v.Op == token.ARROW {
				return v.X
			}
		case *ast.RangeStmt:
			if op == OpChanReceive {
				return v.X
			}
		case *ast.CallExpr:
			if id, ok := v.Fun.(*ast.Ident); ok && id.Name == "close" && op == OpChanClose && len(v.Args) == 1 {
				return v.Args[0]
			}
		}
	}
	return nil
}

// mapOperand returns the map indexed on line n, preferring one assigned to
// when write is set.
func (f *srcFile) mapOperand(n int, write bool) ast.Expr {
	if write {
		for _, t := range f.writeTargets(n) {
			if ix, ok := ast.Unparen(t).(*ast.IndexExpr); ok {
				return ix.X
			}
		}
		for _, node := range f.nodesOn(n) {
			if c, ok := node.(*ast.CallExpr); ok {
				if id, ok := c.Fun.(*ast.Ident); ok && (id.Name == "delete" || id.Name == "clear") && len(c.Args) > 0 {
					return c.Args[0]
				}
			}
		}
	}
	for _, node := range f.nodesOn(n) {
		if ix, ok := node.(*ast.IndexExpr); ok {
			return ix.X
		}
	}
	return nil
}

// refsOn returns the expressions on line n that name memory, outermost
// only (s.count, not also s), leaving out function and package names and
// the variables a := or a range defines there.
func (f *srcFile) refsOn(n int) []ref {
	imports := map[string]bool{}
	for _, im := range f.ast.Imports {
		name := strings.Trim(im.Path.Value, `"`)
		name = name[strings.LastIndex(name, "/")+1:]
		if im.Name != nil {
			name = im.Name.Name
		}
		imports[name] = true
	}
	skip := map[ast.Node]bool{}
	var out []ref
	var visit func(node ast.Node) bool
	visit = func(node ast.Node) bool {
		if node == nil || skip[node] {
			return false
		}
		if f.lineOf(node.Pos()) > n || f.lineOf(node.End()) < n {
			return false
		}
		switch v := node.(type) {
		case *ast.FuncLit:
			// Its body is another function; its own lines are
			// looked at on their own.
			return f.lineOf(v.Pos()) != n
		case *ast.AssignStmt:
			if v.Tok == token.DEFINE {
				for _, l := range v.Lhs {
					skip[l] = true
				}
			}
		case *ast.RangeStmt:
			if v.Tok == token.DEFINE {
				if v.Key != nil {
					skip[v.Key] = true
				}
				if v.Value != nil {
					skip[v.Value] = true
				}
			}
		case *ast.CallExpr:
			switch fun := ast.Unparen(v.Fun).(type) {
			case *ast.Ident:
				skip[fun] = true
			case *ast.SelectorExpr:
				// A method call reads its receiver; a package
				// function reads nothing by itself.
				skip[fun] = true
				if id, ok := fun.X.(*ast.Ident); !ok || !imports[id.Name] {
					ast.Inspect(fun.X, visit)
				}
			}
		case *ast.KeyValueExpr:
			if _, ok := v.Key.(*ast.Ident); ok {
				skip[v.Key] = true // a struct literal's field name
			}
		case *ast.CompositeLit:
			if v.Type != nil {
				skip[v.Type] = true
			}
		case *ast.SelectorExpr, *ast.IndexExpr, *ast.Ident, *ast.StarExpr:
			e := node.(ast.Expr)
			if id, ok := v.(*ast.Ident); ok && (isPredeclared(id.Name) || imports[id.Name]) {
				return false
			}
			if sel, ok := v.(*ast.SelectorExpr); ok {
				if id, ok := sel.X.(*ast.Ident); ok && imports[id.Name] {
					return false
				}
			}
			if f.lineOf(e.Pos()) == n {
				if r, ok := newRef(f, e); ok {
					out = append(out, r)
					// Indexes are read too (s[i] reads i), but the
					// indexed value is what races.
					if ix, ok := v.(*ast.IndexExpr); ok {
						ast.Inspect(ix.Index, visit)
					}
					return false
				}
			}
		}
		return true
	}
	ast.Inspect(f.ast, visit)
	return out
}

func isPredeclared(name string) bool {
	switch name {
	case "true", "false", "nil", "iota", "append", "cap", "clear", "close", "complex", "copy",
		"delete", "imag", "len", "make", "max", "min", "new", "panic", "print", "println",
		"real", "recover", "int", "string", "bool", "byte", "rune", "error", "any":
		return true
	}
	return false
}

// funcAt returns the innermost function (declaration or literal) whose
// body contains line n, with its type and, for a method, its receiver.
func (f *srcFile) funcAt(n int) (body *ast.BlockStmt, typ *ast.FuncType, recv *ast.FieldList, name string) {
	ast.Inspect(f.ast, func(node ast.Node) bool {
		if node == nil {
			return false
		}
		if f.lineOf(node.Pos()) > n || f.lineOf(node.End()) < n {
			return false
		}
		switch v := node.(type) {
		case *ast.FuncDecl:
			if v.Body != nil {
				body, typ, recv, name = v.Body, v.Type, v.Recv, v.Name.Name
			}
		case *ast.FuncLit:
			body, typ, recv, name = v.Body, v.Type, nil, ""
		}
		return true
	})
	return body, typ, recv, name
}

// lockCall is a call of Lock, RLock, Unlock or RUnlock.
type lockCall struct {
	recv     ast.Expr
	method   string
	line     int
	deferred bool
}

// lockCalls returns the lock calls in body, in source order, leaving out
// the bodies of function literals (they run some other time).
func (f *srcFile) lockCalls(body *ast.BlockStmt) []lockCall {
	var out []lockCall
	deferred := map[*ast.CallExpr]bool{}
	ast.Inspect(body, func(node ast.Node) bool {
		switch v := node.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			deferred[v.Call] = true
		case *ast.CallExpr:
			sel, ok := ast.Unparen(v.Fun).(*ast.SelectorExpr)
			if !ok || len(v.Args) != 0 {
				return true
			}
			switch sel.Sel.Name {
			case "Lock", "RLock", "Unlock", "RUnlock":
				out = append(out, lockCall{recv: sel.X, method: sel.Sel.Name, line: f.lineOf(v.Pos()), deferred: deferred[v]})
			}
		}
		return true
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].line < out[j].line })
	return out
}

// lockOn returns the mutex that line n locks, as the source writes it.
func (f *srcFile) lockOn(n int) (ast.Expr, bool) {
	body, _, _, _ := f.funcAt(n)
	if body == nil {
		return nil, false
	}
	for _, c := range f.lockCalls(body) {
		if c.line == n && (c.method == "Lock" || c.method == "RLock") {
			return c.recv, true
		}
	}
	return nil, false
}

// heldAt returns the locks that the function containing line n has taken
// before that line and not yet released, as far as a straight reading of
// the source shows (a deferred Unlock releases nothing until the return).
func (f *srcFile) heldAt(n int) []lockCall {
	body, _, _, _ := f.funcAt(n)
	if body == nil {
		return nil
	}
	var held []lockCall
	for _, c := range f.lockCalls(body) {
		if c.line >= n {
			break
		}
		switch c.method {
		case "Lock", "RLock":
			held = append(held, c)
		case "Unlock", "RUnlock":
			if c.deferred {
				continue
			}
			name := f.text(c.recv)
			for i := len(held) - 1; i >= 0; i-- {
				if f.text(held[i].recv) == name {
					held = slices.Delete(held, i, i+1)
					break
				}
			}
		}
	}
	return held
}

// packageVar reports whether e, written on line n, starts with a variable
// of the package (declared at the top of this file, and not a parameter of
// the function there): a mutex every function names alike.
func (f *srcFile) packageVar(e ast.Expr, n int) bool {
	r, ok := newRef(f, e)
	if !ok || slices.Contains(f.params(n), r.root) {
		return false
	}
	for _, d := range f.ast.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.VAR {
			continue
		}
		for _, spec := range g.Specs {
			for _, id := range spec.(*ast.ValueSpec).Names {
				if id.Name == r.root {
					return true
				}
			}
		}
	}
	return false
}

// params returns the names of the parameters of the function containing
// line n, the receiver first, one per argument the traceback prints.
func (f *srcFile) params(n int) []string {
	_, typ, recv, _ := f.funcAt(n)
	if typ == nil {
		return nil
	}
	var names []string
	for _, list := range []*ast.FieldList{recv, typ.Params} {
		if list == nil {
			continue
		}
		for _, field := range list.List {
			if len(field.Names) == 0 {
				names = append(names, "_")
			}
			for _, id := range field.Names {
				names = append(names, id.Name)
			}
		}
	}
	return names
}

// callArgs finds, on line n, the call of the function named name and
// returns its arguments as the source writes them, the receiver first for
// a method call.
func (f *srcFile) callArgs(n int, name string, method bool) []string {
	for _, node := range f.nodesOn(n) {
		c, ok := node.(*ast.CallExpr)
		if !ok {
			continue
		}
		var args []string
		switch fun := ast.Unparen(c.Fun).(type) {
		case *ast.Ident:
			if fun.Name != name || method {
				continue
			}
		case *ast.SelectorExpr:
			if fun.Sel.Name != name {
				continue
			}
			if method {
				args = append(args, f.text(fun.X))
			}
		default:
			continue
		}
		for _, a := range c.Args {
			args = append(args, f.text(a))
		}
		return args
	}
	return nil
}

// selectChans returns the channels a select statement starting on line n
// waits on.
func (f *srcFile) selectChans(n int) []string {
	var out []string
	for _, st := range f.stmtsOn(n) {
		sel, ok := st.(*ast.SelectStmt)
		if !ok {
			continue
		}
		for _, c := range sel.Body.List {
			cc, ok := c.(*ast.CommClause)
			if !ok || cc.Comm == nil {
				continue
			}
			var ch ast.Expr
			ast.Inspect(cc.Comm, func(node ast.Node) bool {
				switch v := node.(type) {
				case *ast.SendStmt:
					ch = v.Chan
					return false
				case *ast.UnaryExpr:
					if v.Op == token.ARROW && ch == nil {
						ch = v.X
						return false
					}
				}
				return ch == nil
			})
			if ch != nil {
				if t := f.text(ch); t != "" && !slices.Contains(out, t) {
					out = append(out, t)
				}
			}
		}
		return out
	}
	return out
}

// methodCallRecv returns the receiver of a call of method on line n, e.g.
// wg for wg.Wait().
func (f *srcFile) methodCallRecv(n int, methods ...string) string {
	for _, node := range f.nodesOn(n) {
		c, ok := node.(*ast.CallExpr)
		if !ok {
			continue
		}
		if sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr); ok && slices.Contains(methods, sel.Sel.Name) {
			return f.text(sel.X)
		}
	}
	return ""
}
