// Package fixkind defines an analyzer that reports when a lab's student file
// does not use the synchronisation the lab asks for.
//
// A racy program can be made to pass in many wrong ways; a lab teaches one
// tool. The analyzer finds which primitives the file really uses (a
// WaitGroup that is waited on, a mutex that is locked, a channel that is
// received from, ...) and reports, at the top of the file, when none of the
// accepted kinds is among them, naming what was used instead.
package fixkind

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// Describe names each fix kind the way the analyzer's messages do.
func Describe(kind string) string {
	switch kind {
	case "waitgroup":
		return "a sync.WaitGroup (Add/Done, then Wait)"
	case "channel":
		return "a channel (a goroutine sends, another blocks on the receive)"
	case "mutex":
		return "a sync.Mutex (Lock/Unlock around every access)"
	case "rwmutex":
		return "a sync.RWMutex (RLock for readers, Lock for writers)"
	case "atomic":
		return "sync/atomic (atomic.Int64, atomic.Bool, ...)"
	case "once":
		return "sync.Once (or sync.OnceValue/OnceFunc)"
	}
	return kind
}

// New returns an analyzer that requires the files named in files (base
// names; all files when empty) to use at least one of the fix kinds in
// accept. A list holding "any" accepts every fix.
func New(accept, files []string) *analysis.Analyzer {
	c := &config{accept: accept, files: files}
	return &analysis.Analyzer{
		Name:     "fixkind",
		Doc:      "reports a lab file that does not use the synchronisation the lab asks for",
		Requires: []*analysis.Analyzer{inspect.Analyzer},
		Run:      c.run,
	}
}

type config struct {
	accept []string
	files  []string
}

func (c *config) run(pass *analysis.Pass) (any, error) {
	if slices.Contains(c.accept, "any") || len(c.accept) == 0 {
		return nil, nil
	}
	var first *ast.File
	var firstName string
	for _, f := range pass.Files {
		name := filepath.Base(pass.Fset.File(f.Pos()).Name())
		if len(c.files) == 0 || slices.Contains(c.files, name) {
			if first == nil {
				first, firstName = f, name
			}
		}
	}
	if first == nil {
		return nil, nil
	}
	used := Used(pass, c.files)
	for _, k := range c.accept {
		if used[k] {
			return nil, nil
		}
	}
	wanted := make([]string, len(c.accept))
	for i, k := range c.accept {
		wanted[i] = Describe(k)
	}
	msg := fmt.Sprintf("this lab asks for %s, but %s does not use it", strings.Join(wanted, " or "), firstName)
	var instead []string
	for _, k := range []string{"waitgroup", "channel", "mutex", "rwmutex", "atomic", "once"} {
		if used[k] {
			instead = append(instead, k)
		}
	}
	if len(instead) > 0 {
		msg += fmt.Sprintf(" (it uses %s instead)", strings.Join(instead, ", "))
	}
	pass.Reportf(first.Name.Pos(), "%s", msg)
	return nil, nil
}

// Used reports which fix kinds the named files of the package use, keyed
// by kind. It counts uses that synchronise, not declarations: a mutex
// that is never locked fixes nothing.
func Used(pass *analysis.Pass, files []string) map[string]bool {
	used := map[string]bool{}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	nodes := []ast.Node{(*ast.CallExpr)(nil), (*ast.UnaryExpr)(nil), (*ast.RangeStmt)(nil), (*ast.SelectStmt)(nil)}
	insp.Preorder(nodes, func(n ast.Node) {
		if len(files) > 0 && !slices.Contains(files, filepath.Base(pass.Fset.File(n.Pos()).Name())) {
			return
		}
		switch n := n.(type) {
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				used["channel"] = true
			}
		case *ast.SelectStmt:
			used["channel"] = true
		case *ast.RangeStmt:
			if t := pass.TypesInfo.TypeOf(n.X); t != nil {
				if _, ok := t.Underlying().(*types.Chan); ok {
					used["channel"] = true
				}
			}
		case *ast.CallExpr:
			if k := callKind(pass.TypesInfo, n); k != "" {
				used[k] = true
			}
		}
	})
	return used
}

// callKind names the fix kind a call belongs to, if any.
func callKind(info *types.Info, call *ast.CallExpr) string {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	fn, ok := info.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil {
		return ""
	}
	switch fn.Pkg().Path() {
	case "sync/atomic":
		return "atomic"
	case "sync":
	default:
		return ""
	}
	recv := ""
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		t := sig.Recv().Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if named, ok := t.(*types.Named); ok {
			recv = named.Obj().Name()
		}
	}
	switch recv + "." + fn.Name() {
	case "WaitGroup.Wait", "WaitGroup.Go":
		return "waitgroup"
	case "Mutex.Lock", "Mutex.TryLock":
		return "mutex"
	case "RWMutex.Lock", "RWMutex.RLock", "RWMutex.TryLock", "RWMutex.TryRLock":
		return "rwmutex"
	case "Once.Do", ".OnceFunc", ".OnceValue", ".OnceValues":
		return "once"
	}
	return ""
}
