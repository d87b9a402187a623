// Package fakesync defines an analyzer that reports calls students reach for
// when a race "goes away" without being fixed.
//
// Sleeping or yielding makes a race less likely to show; it never orders the
// accesses, so the race detector still sees it and production still hits it.
// GOMAXPROCS(1) only limits how many threads run goroutines: goroutines still
// interleave. log.Fatal and runtime.Goexit end the program before the lab's own
// checks run, hiding leaks and lost work.
package fakesync

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/racelab/racelab/checker/labvet/internal/student"
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
	case "syscall.Exit", "log.Fatal", "log.Fatalf", "log.Fatalln", "runtime.Goexit":
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
	// Every use of the function counts, not only a direct call: `exit :=
	// os.Exit; exit(0)`, `defer os.Exit(0)` and a dot import all end the
	// program the same way.
	insp.WithStack([]ast.Node{(*ast.Ident)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push || !student.File(pass, n.Pos(), files) {
			// A testing lab's student test may sleep: inside a
			// testing/synctest bubble, time.Sleep is how a test lets
			// fake time pass, and waiting there is the test's business.
			return true
		}
		fn, ok := pass.TypesInfo.Uses[n.(*ast.Ident)].(*types.Func)
		if !ok || fn.Pkg() == nil {
			return true
		}
		if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
			return true
		}
		msg := why(fn.Pkg().Path() + "." + fn.Name())
		if msg == "" {
			return true
		}
		pos := n.Pos() // reported where a call of it starts: os.Exit, not Exit
		if sel, ok := stack[len(stack)-2].(*ast.SelectorExpr); ok && sel.Sel == n {
			pos = sel.Pos()
		}
		pass.Reportf(pos, "%s", msg)
		return true
	})
}
