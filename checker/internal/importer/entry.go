package importer

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
)

// A lab's program is judged through its run function: the fixture main.go
// hands run to program.Main, which, when run returns, checks for leaked
// goroutines and lost concurrency and only then exits with the status that
// says the program passed. So the imported program's main becomes run (see
// mainToRun). A program that ends with os.Exit(0) never returns: it would
// skip every check (and, with a status of 0, fail as an early exit). So
// os.Exit(0) in main itself (not in a function main calls, nor in a
// goroutine) becomes return, which ends the program the same way except
// that main's deferred calls run.

// exitToReturn rewrites the os.Exit(0) statements of main in file name.
func exitToReturn(c *checked, name string) ([]byte, []string, error) {
	var edits []edit
	var notes []string
	for _, d := range c.files[name].Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Recv != nil || fn.Name.Name != "main" || fn.Body == nil {
			continue
		}
		ast.Inspect(fn.Body, func(n ast.Node) bool {
			if _, lit := n.(*ast.FuncLit); lit {
				return false // another function: return would not end main
			}
			stmt, ok := n.(*ast.ExprStmt)
			if !ok || !isExitZero(c, stmt.X) {
				return true
			}
			edits = append(edits, edit{c.offset(stmt.Pos()), c.offset(stmt.End()), "return"})
			notes = append(notes, fmt.Sprintf("%s:%d: os.Exit(0) in main is now return, so that the lab's checks run when main ends (os.Exit would end the program before them)", name, c.line(stmt.Pos())))
			return true
		})
	}
	if len(edits) == 0 {
		return c.src[name], nil, nil
	}
	out, err := tidy(name, apply(c.src[name], edits), nil, c.importNames())
	return out, notes, err
}

// isExitZero reports whether e is a call os.Exit(0).
func isExitZero(c *checked, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	fn, ok := c.info.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "os" || fn.Name() != "Exit" {
		return false
	}
	tv, ok := c.info.Types[call.Args[0]]
	return ok && tv.Value != nil && constant.Compare(tv.Value, token.EQL, constant.MakeInt64(0))
}

// runName is what the lab format calls the program's work: program.Main(run).
const runName = "run"

// renameAll renames the objects of renames (object -> new name) wherever
// the files of c declare or use them, and returns the files it changed.
func renameAll(c *checked, renames map[types.Object]string) (map[string][]byte, error) {
	edits := map[string][]edit{}
	for _, m := range []map[*ast.Ident]types.Object{c.info.Defs, c.info.Uses} {
		for id, obj := range m {
			to, ok := renames[obj]
			if !ok || obj == nil {
				continue
			}
			name := filepath.Base(c.fset.File(id.Pos()).Name())
			edits[name] = append(edits[name], edit{c.offset(id.Pos()), c.offset(id.End()), to})
		}
	}
	out := map[string][]byte{}
	for name, es := range edits {
		src, err := tidy(name, apply(c.src[name], es), nil, c.importNames())
		if err != nil {
			return nil, err
		}
		out[name] = src
	}
	return out, nil
}

// mainOf is the program's func main and the file it is in.
func mainOf(c *checked) (*ast.FuncDecl, string) {
	for name, f := range c.files {
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && fn.Name.Name == "main" && fn.Body != nil {
				return fn, name
			}
		}
	}
	return nil, ""
}

// mainToRun renames the program's main to run, and a package-level run of
// the program's own to newRun first (when it has one; newRun is free in
// both versions), in every file of c. It returns the files it changed.
func mainToRun(c *checked, newRun string) (map[string][]byte, error) {
	fn, _ := mainOf(c)
	if fn == nil {
		return nil, fmt.Errorf("the %s program has no func main left", c.label)
	}
	renames := map[types.Object]string{c.info.Defs[fn.Name]: runName}
	if own := c.pkg.Scope().Lookup(runName); own != nil {
		renames[own] = newRun
	}
	return renameAll(c, renames)
}

// runFile is the file of c that declares the package-level func run, or
// "" when none does.
func runFile(c *checked) string {
	for name, f := range c.files {
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && fn.Name.Name == runName && fn.Body != nil {
				return name
			}
		}
	}
	return ""
}
