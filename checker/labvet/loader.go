package labvet

import (
	"errors"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// ErrUnprepared says a Loader cannot check these files on its own: they
// import a package the lab's own files do not depend on, or do not
// type-check. Check the files in a directory with Check instead.
var ErrUnprepared = errors.New("labvet: the files need packages the loader has not prepared")

// A Loader checks one lab package again and again with different student
// files, as a grader does for a class. Check loads the package afresh each
// time, which costs a go list and the export data of every dependency; a
// Loader does that once, then only parses and type-checks the package's own
// files. It is safe for concurrent use.
type Loader struct {
	dir     string
	pkgPath string
	files   []string          // the package's Go files (no tests), absolute
	exports map[string]string // import path → export data file, for every dependency
	sizes   types.Sizes
}

// NewLoader loads the package in dir (without its tests) and the export data
// of all its dependencies.
func NewLoader(dir string) (*Loader, error) {
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedDeps |
			packages.NeedExportFile | packages.NeedTypesSizes,
		Dir: dir,
	}
	pkgs, err := packages.Load(cfg, ".")
	if err != nil {
		return nil, fmt.Errorf("loading %s: %w", dir, err)
	}
	if n := packages.PrintErrors(pkgs); n > 0 || len(pkgs) != 1 {
		return nil, fmt.Errorf("loading %s: %d errors (see above)", dir, n)
	}
	l := &Loader{dir: dir, pkgPath: pkgs[0].PkgPath, files: pkgs[0].GoFiles, exports: map[string]string{}, sizes: pkgs[0].TypesSizes}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if p != pkgs[0] && p.ExportFile != "" {
			l.exports[p.PkgPath] = p.ExportFile
		}
	})
	return l, nil
}

// Check runs the analyzers over the lab package with the files in replace
// (base name → content) standing in for the lab's own. It returns
// ErrUnprepared when the files import a package the lab's files do not
// depend on, or do not type-check.
func (l *Loader) Check(replace map[string][]byte, fix, editable []string) ([]Finding, error) {
	fset := token.NewFileSet()
	var syntax []*ast.File
	for _, path := range l.files {
		var src any
		if content, ok := replace[filepath.Base(path)]; ok {
			src = content
		}
		f, err := parser.ParseFile(fset, path, src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, ErrUnprepared
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if _, ok := l.exports[path]; !ok && path != "unsafe" {
				return nil, ErrUnprepared
			}
		}
		syntax = append(syntax, f)
	}
	lookup := func(path string) (io.ReadCloser, error) { return os.Open(l.exports[path]) }
	info := &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Instances:    map[*ast.Ident]types.Instance{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		Scopes:       map[ast.Node]*types.Scope{},
		FileVersions: map[*ast.File]string{},
	}
	conf := types.Config{Importer: importer.ForCompiler(fset, "gc", lookup), Sizes: l.sizes}
	tpkg, err := conf.Check(l.pkgPath, fset, syntax, info)
	if err != nil {
		return nil, ErrUnprepared
	}
	pkg := &packages.Package{
		ID: l.pkgPath, Name: tpkg.Name(), PkgPath: l.pkgPath, Fset: fset, Syntax: syntax,
		Types: tpkg, TypesInfo: info, TypesSizes: l.sizes,
		GoFiles: l.files, CompiledGoFiles: l.files, Imports: map[string]*packages.Package{},
	}
	for _, imp := range tpkg.Imports() {
		pkg.Imports[imp.Path()] = &packages.Package{ID: imp.Path(), Name: imp.Name(), PkgPath: imp.Path(), Types: imp}
	}
	graph, err := checker.Analyze(Analyzers(fix, editable), []*packages.Package{pkg}, nil)
	if err != nil {
		return nil, fmt.Errorf("analysing %s: %w", l.dir, err)
	}
	return findings(l.dir, graph)
}
