package importer

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// The harness calls main and, when it returns, checks for leaked goroutines
// and lost concurrency. A program that ends with os.Exit(0) never returns:
// it would skip every check and pass. So os.Exit(0) in main itself (not in
// a function main calls, nor in a goroutine) becomes return, which ends the
// program the same way except that main's deferred calls run.

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
	out, err := tidy(name, apply(c.src[name], edits), nil)
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
