// Package comm reads the communications of a select's cases for labvet's
// analyzers.
package comm

import (
	"go/ast"
	"go/token"
)

// Received is the channel a select case's communication receives from
// (`<-ch`, `v := <-ch`, `v, ok = <-ch`), or nil for a send or a default.
func Received(comm ast.Stmt) ast.Expr {
	var x ast.Expr
	switch c := comm.(type) {
	case *ast.ExprStmt:
		x = c.X
	case *ast.AssignStmt:
		if len(c.Rhs) == 1 {
			x = c.Rhs[0]
		}
	}
	if u, ok := ast.Unparen(x).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
		return u.X
	}
	return nil
}
