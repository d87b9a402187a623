// Package scope tells which stretches of a function's source a condition
// decides, for the analyzers that follow a body statement by statement
// (loadstore, splitlock): a write inside one of them happens only as the
// test said.
package scope

import (
	"go/ast"
	"go/token"
)

// Scopes are stretches of source, each from its first position up to (not
// including) its last.
type Scopes [][2]token.Pos

// Governs reports whether pos lies in one of the stretches.
func (s Scopes) Governs(pos token.Pos) bool {
	for _, sc := range s {
		if sc[0] <= pos && pos < sc[1] {
			return true
		}
	}
	return false
}

// If is what an if's condition decides: its branches and, when a branch
// leaves, what follows the if up to the end of its block. stack holds the
// if's ancestors, as ast.Inspect's callers keep them.
func If(n *ast.IfStmt, stack []ast.Node) Scopes {
	sc := Scopes{{n.Body.Pos(), n.End()}}
	if Leaves(n.Body) || n.Else != nil && Leaves(n.Else) {
		sc = append(sc, [2]token.Pos{n.End(), blockEnd(stack)})
	}
	return sc
}

// For is what a for loop's condition decides: its body and what follows
// the loop up to the end of its block.
func For(n *ast.ForStmt, stack []ast.Node) Scopes {
	return Scopes{{n.Body.Pos(), blockEnd(stack)}}
}

// Leaves reports whether a branch ends by leaving the code that follows
// its if: a return, a break, continue or goto, or a panic.
func Leaves(s ast.Stmt) bool {
	b, ok := s.(*ast.BlockStmt)
	if !ok || len(b.List) == 0 {
		return false
	}
	switch last := b.List[len(b.List)-1].(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		call, ok := last.X.(*ast.CallExpr)
		if !ok {
			return false
		}
		id, ok := call.Fun.(*ast.Ident)
		return ok && id.Name == "panic"
	}
	return false
}

// blockEnd is where the innermost block around the statement whose
// ancestors are stack ends: what follows the statement runs up to there.
func blockEnd(stack []ast.Node) token.Pos {
	for i := len(stack) - 1; i >= 0; i-- {
		switch b := stack[i].(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			return b.End()
		}
	}
	return token.NoPos
}
