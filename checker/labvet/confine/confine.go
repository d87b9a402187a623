// Package confine defines an analyzer that reports student code reaching
// around the lab: packages and directives that read the process's memory,
// make system calls, start other programs or drive the test framework.
//
// A lab's file is compiled into the test binary that grades it, so its code
// runs in the same process as the tests. A fix needs goroutines, sync,
// channels and the plain standard library; what this analyzer rejects could
// only serve to forge the test results or escape the lab's checks, so it is
// refused outright with the reason named.
package confine

import (
	"go/ast"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Module is the racelab module's path; of its packages a lab file may
// import only the overlap helpers its program ships with.
const Module = "github.com/racelab/racelab"

// allowedOwn are the racelab packages a lab file may import.
var allowedOwn = []string{Module + "/labs/internal/overlap"}

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
				if len(files) > 0 && !slices.Contains(files, name) {
					continue
				}
				check(pass, f)
			}
			return nil, nil
		},
	}
}

func check(pass *analysis.Pass, f *ast.File) {
	for _, imp := range f.Imports {
		path, err := strconv.Unquote(imp.Path.Value)
		if err != nil {
			continue
		}
		if why := forbidden(path); why != "" {
			pass.Reportf(imp.Pos(), "import %q is not allowed in a lab file: %s; a fix needs only goroutines, sync, channels and the plain standard library", path, why)
			continue
		}
		if strings.Contains(strings.SplitN(path, "/", 2)[0], ".") && !slices.Contains(allowedOwn, path) {
			pass.Reportf(imp.Pos(), "import %q is not allowed in a lab file: only the standard library and %s are; the lab's tests and their libraries are not the program's to call", path, allowedOwn[0])
		}
	}
	for _, group := range f.Comments {
		for _, c := range group.List {
			if directive, ok := strings.CutPrefix(c.Text, "//go:"); ok {
				name, _, _ := strings.Cut(directive, " ")
				if name == "linkname" || strings.HasPrefix(name, "cgo_") {
					pass.Reportf(c.Pos(), "//go:%s is not allowed in a lab file: it reaches into other packages' private state", name)
				}
			}
		}
	}
}
