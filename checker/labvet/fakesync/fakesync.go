// Package fakesync defines an analyzer that reports calls students reach for
// when a race "goes away" without being fixed.
//
// Sleeping or yielding makes a race less likely to show; it never orders the
// accesses, so the race detector still sees it and production still hits it.
// GOMAXPROCS(1) only limits how many threads run goroutines: goroutines still
// interleave. os.Exit (and friends) end the program before the lab's own
// checks run, hiding leaks and lost work.
package fakesync

import (
	"go/ast"
	"go/types"
	"path/filepath"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// why holds the explanation for each forbidden function, by its full name.
func why(name string) string {
	switch name {
	case "time.Sleep":
		return "time.Sleep is not synchronisation: sleeping only changes the timing, it never makes one goroutine wait for another"
	case "runtime.Gosched":
		return "runtime.Gosched is not synchronisation: yielding changes timing, it never orders memory accesses"
	case "runtime.GOMAXPROCS":
		return "runtime.GOMAXPROCS does not fix a race: with one thread goroutines still interleave, and the race detector still reports it"
	case "os.Exit", "syscall.Exit", "log.Fatal", "log.Fatalf", "log.Fatalln", "runtime.Goexit":
		return name + " ends the program before the lab's checks run (leaked goroutines, lost results): return from main instead"
	}
	return ""
}

// New returns the analyzer, limited to the files named in files (base
// names; all files when empty).
func New(files []string) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "fakesync",
		Doc:      "reports sleeps, yields, GOMAXPROCS and exits used in place of synchronisation",
		Requires: []*analysis.Analyzer{inspect.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			run(pass, files)
			return nil, nil
		},
	}
}

func run(pass *analysis.Pass, files []string) {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	insp.Preorder([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node) {
		if len(files) > 0 && !slices.Contains(files, filepath.Base(pass.Fset.File(n.Pos()).Name())) {
			return
		}
		call := n.(*ast.CallExpr)
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return
		}
		fn, ok := pass.TypesInfo.Uses[sel.Sel].(*types.Func)
		if !ok || fn.Pkg() == nil {
			return
		}
		if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
			return
		}
		if msg := why(fn.Pkg().Path() + "." + fn.Name()); msg != "" {
			pass.Reportf(call.Pos(), "%s", msg)
		}
	})
}
