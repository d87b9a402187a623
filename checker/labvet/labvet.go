// Package labvet runs racelab's static checks on a lab's student files: the
// fix uses the kind of synchronisation the lab asks for (fixkind), no
// sleep, yield, GOMAXPROCS or exit stands in for it (fakesync), and nothing
// reaches around the lab's checks (confine: unsafe, syscall, os/exec, the
// test framework, go:linkname).
//
// The lab harness runs it as a test step so that `go test -race ./labs/...`
// enforces it; the checker runs it outside the sandbox when grading, since
// it only reads source.
package labvet

import (
	"fmt"
	"path/filepath"
	"sort"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/racelab/racelab/checker/labvet/confine"
	"github.com/racelab/racelab/checker/labvet/fakesync"
	"github.com/racelab/racelab/checker/labvet/fixkind"
	"github.com/racelab/racelab/checker/protocol"
)

// Finding is one problem in a student file: the judge reports findings in
// its verdict, so the type is the protocol's.
type Finding = protocol.Finding

// Analyzers returns the checks for a lab accepting fix kinds fix, limited to
// the editable files.
func Analyzers(fix, editable []string) []*analysis.Analyzer {
	return []*analysis.Analyzer{fixkind.New(fix, editable), fakesync.New(editable), confine.New(editable)}
}

// Check loads the package in dir (without its tests) and runs the analyzers
// over the editable files. An error means the package could not be loaded
// or type-checked; the findings are the student's problems.
func Check(dir string, fix, editable []string) ([]Finding, error) {
	return CheckFiles(dir, nil, fix, editable)
}

// CheckFiles is Check with the files in replace (base name → content)
// standing in for the package's own, without copying anything: the
// replacements are an overlay of the go command's.
func CheckFiles(dir string, replace map[string][]byte, fix, editable []string) ([]Finding, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	overlay := map[string][]byte{}
	for name, data := range replace {
		overlay[filepath.Join(abs, name)] = data
	}
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedSyntax |
			packages.NeedTypes | packages.NeedTypesInfo | packages.NeedTypesSizes |
			packages.NeedImports | packages.NeedModule,
		Dir:     abs,
		Overlay: overlay,
	}
	pkgs, err := packages.Load(cfg, ".")
	if err != nil {
		return nil, fmt.Errorf("loading %s: %w", dir, err)
	}
	if n := packages.PrintErrors(pkgs); n > 0 {
		return nil, fmt.Errorf("loading %s: %d errors (see above): fix the compile errors first", dir, n)
	}
	graph, err := checker.Analyze(Analyzers(fix, editable), pkgs, nil)
	if err != nil {
		return nil, fmt.Errorf("analysing %s: %w", dir, err)
	}
	return findings(dir, graph)
}

// findings collects the root actions' diagnostics, sorted by place.
func findings(dir string, graph *checker.Graph) ([]Finding, error) {
	var out []Finding
	for act := range graph.All() {
		if !act.IsRoot {
			continue
		}
		if act.Err != nil {
			return nil, fmt.Errorf("analysing %s with %s: %w", dir, act.Analyzer.Name, act.Err)
		}
		for _, d := range act.Diagnostics {
			pos := act.Package.Fset.Position(d.Pos)
			out = append(out, Finding{
				File: filepath.Base(pos.Filename), Line: pos.Line, Column: pos.Column,
				Check: act.Analyzer.Name, Message: d.Message,
			})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Line < b.Line
	})
	return out, nil
}
