// Package confine defines an analyzer that reports student code reaching
// around the lab: packages and directives that read the process's memory,
// make system calls, start other programs or drive the test framework, and
// os.Exit.
//
// It also keeps racelab's machinery out of the student's file: the
// overlap package (labs/internal/overlap: Work, Window, Settle, Reader)
// shapes when a lab's tasks meet, and belongs in a fixture file of the
// program (one opening with lab.FixtureHeader), behind a function with a
// domain name such as slowStep. A lab file that imports it is refused: a
// student could delete or move the calls the lab's scripts rely on, and
// the machinery would be what they read first instead of the lesson.
//
// A lab's program runs apart from the judge that grades it, in a sandbox,
// but the checks it makes of itself (leaks, overlap) run in its own process,
// and its exit status says whether they passed (see checker/protocol). A fix
// needs goroutines, sync, channels and the plain standard library; what
// this analyzer rejects could only serve to skip those checks or forge that
// status, so a file using it is refused: never built, never run.
package confine

import (
	"go/ast"
	"go/types"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/racelab/racelab/checker/lab"
)

// Module is the racelab module's path; of its packages a lab file may
// import only the packages of its own lab (a fixture's world, such as
// labs/32-capstone-crawler/web).
const Module = "github.com/racelab/racelab"

// overlapPkg is racelab's machinery: its fixtures' to call, never a lab
// file's (issue 11).
const overlapPkg = Module + "/labs/internal/overlap"

// syncLibs are the packages beyond the standard library a fix may use: the
// Go team's own concurrency helpers, which a course on goroutines teaches
// (errgroup for "wait and stop at the first error", semaphore for a bound,
// singleflight for "one call per key, whoever asks").
// go.mod requires their module, so a student's build finds them offline.
var syncLibs = []string{"golang.org/x/sync/errgroup", "golang.org/x/sync/semaphore", "golang.org/x/sync/singleflight"}

// allowedOwn reports whether a lab file of package pkg may import the
// racelab package path.
func allowedOwn(pkg, path string) bool {
	// pkg is labs/NN-slug/PROGRAM: its lab's folder is the parent.
	labDir := pkg[:max(strings.LastIndex(pkg, "/"), 0)]
	return strings.HasPrefix(labDir, Module+"/labs/") && strings.HasPrefix(path, labDir+"/") &&
		!strings.Contains(strings.TrimPrefix(path, labDir+"/"), "internal")
}

// refusedFunc says why a use of a standard-library function is refused, or "".
func refusedFunc(name string) string {
	switch name {
	case "os.Exit":
		return "os.Exit can end the program with any status, also the one that says the lab's checks passed: return from run instead"
	case "os.StartProcess":
		return "os.StartProcess runs other programs"
	}
	if fn, ok := strings.CutPrefix(name, "runtime.Race"); ok && fn != "" {
		// runtime.RaceAcquire and RaceRelease (race builds only) tell the
		// race detector of synchronisation that never happened; an
		// unsafe.Pointer for them comes from reflect without importing
		// unsafe.
		return "it tells the race detector about synchronisation that is not there, so a race would go unreported: synchronise the accesses instead"
	}
	return ""
}

// forbidden says why a standard-library import is refused, or "".
func forbidden(path string) string {
	switch {
	case path == "unsafe", path == "C":
		return "it reads and writes memory around Go's rules"
	case path == "syscall", strings.HasPrefix(path, "golang.org/x/sys/"):
		return "it makes system calls behind the lab's back"
	case path == "os/exec", path == "plugin":
		return "it runs or loads other programs"
	case path == "runtime/debug", path == "runtime/pprof", path == "runtime/trace":
		return "it dumps or tunes the runtime the lab's checks rely on"
	case path == "testing", strings.HasPrefix(path, "testing/"):
		return "the test framework belongs to the lab's tests, not to the program"
	}
	return ""
}

// New returns the analyzer, limited to the named files (base names; all
// files when empty).
func New(files []string) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name: "confine",
		Doc:  "reports imports and directives that reach around the lab: unsafe, system calls, other programs, the test framework, go:linkname",
		Run: func(pass *analysis.Pass) (any, error) {
			for _, f := range pass.Files {
				name := filepath.Base(pass.Fset.File(f.Pos()).Name())
				if len(files) > 0 && !slices.Contains(files, name) || !strings.HasSuffix(name, ".go") {
					// Not a lab file: another of the package's, or the
					// test main go test generates into its cache.
					continue
				}
				check(pass, f, strings.HasSuffix(name, "_test.go"))
			}
			return nil, nil
		},
	}
}

// testLibs are what a testing lab's student test may import besides: the
// test framework and the leak checker the lab teaches.
var testLibs = []string{"testing", "testing/synctest", "go.uber.org/goleak"}

// check looks at one lab file; test says it is a testing lab's student
// test (a _test.go file, which only a testing lab makes editable).
func check(pass *analysis.Pass, f *ast.File, test bool) {
	// Every use counts, not only a call: `exit := os.Exit; exit(65)` forges
	// the same status.
	ast.Inspect(f, func(n ast.Node) bool {
		var id *ast.Ident
		switch x := n.(type) {
		case *ast.SelectorExpr:
			id = x.Sel
		case *ast.Ident:
			id = x
		default:
			return true
		}
		fn, ok := pass.TypesInfo.Uses[id].(*types.Func)
		if !ok || fn.Pkg() == nil {
			return true
		}
		if why := refusedFunc(fn.Pkg().Path() + "." + fn.Name()); why != "" {
			pass.Reportf(n.Pos(), "%s is not allowed in a lab file: %s", fn.Pkg().Name()+"."+fn.Name(), why)
			return false
		}
		return true
	})
	for _, imp := range f.Imports {
		path, err := strconv.Unquote(imp.Path.Value)
		if err != nil {
			continue
		}
		if test && slices.Contains(testLibs, path) {
			continue
		}
		if why := forbidden(path); why != "" {
			pass.Reportf(imp.Pos(), "import %q is not allowed in a lab file: %s; a fix needs only goroutines, sync, channels and the plain standard library", path, why)
			continue
		}
		if path == overlapPkg {
			pass.Reportf(imp.Pos(), "import %q is not allowed in a lab file: racelab's machinery belongs in a fixture file of the program (open it with %q), called by a function with a domain name", path, lab.FixtureHeader)
			continue
		}
		if strings.Contains(strings.SplitN(path, "/", 2)[0], ".") && !allowedOwn(pass.Pkg.Path(), path) && !slices.Contains(syncLibs, path) {
			pass.Reportf(imp.Pos(), "import %q is not allowed in a lab file: only the standard library, %s and the lab's own packages are; the lab's tests and their libraries are not the program's to call", path, strings.Join(syncLibs, ", "))
		}
	}
	for _, group := range f.Comments {
		for _, c := range group.List {
			if directive, ok := strings.CutPrefix(c.Text, "//go:"); ok {
				name, _, _ := strings.Cut(directive, " ")
				if why := refusedDirective(name); why != "" {
					pass.Reportf(c.Pos(), "//go:%s is not allowed in a lab file: %s", name, why)
				}
			}
		}
	}
}

// refusedDirective says why a //go: compiler directive may not be in a lab
// file ("" when it may). Directives change how the compiler treats the code,
// not what the code does, so only the harmless ones are let through: a new
// one is refused until someone has looked at it. //go:norace is the reason
// for the list: it removes a function's memory accesses from the race
// detector's sight, so a racy fix would pass every race lab.
func refusedDirective(name string) string {
	switch {
	case name == "build" || name == "generate" || name == "embed" || name == "noinline":
		return ""
	case name == "norace":
		return "it hides the function's memory accesses from the race detector, so the race is still there, only unreported: synchronise the accesses instead"
	case name == "linkname" || strings.HasPrefix(name, "cgo_"):
		return "it reaches into other packages' private state"
	}
	return "a compiler directive changes how the code is compiled, and a lab's fix changes what the code does: remove it"
}
