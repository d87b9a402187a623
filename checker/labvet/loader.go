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
	"sync"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/racelab/racelab/checker/protocol"
)

// ErrUnprepared says a Loader cannot check these files on its own: they
// import a package the lab's own files do not depend on, or do not
// type-check. Analyze them with Analyze instead.
var ErrUnprepared = errors.New("labvet: the files need packages the loader has not prepared")

// A Loader analyses one lab package again and again with different student
// files, as a grader does for a class. Analyze loads the package afresh
// each time, which costs a go list and the export data of every
// dependency; a Loader does that once, then only parses and type-checks the
// package's own files. It is safe for concurrent use.
type Loader struct {
	dir     string
	pkgPath string
	files   []string          // the package's Go files (no tests), absolute
	exports map[string]string // import path → export data file, for every dependency
	sizes   types.Sizes

	// The shipped files' analysis, made once: every Check compares with it.
	shippedOnce sync.Once
	shipped     *Analysis
	shippedErr  error
}

// NewLoader loads the package in dir (without its tests) and the export data
// of all its dependencies.
func NewLoader(dir string) (*Loader, error) {
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedDeps |
			packages.NeedExportFile | packages.NeedTypesSizes,
		Dir:        dir,
		BuildFlags: protocol.BuildFlags(), // as Analyze's
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

// Analyze runs the analyzers over the lab package with the files in
// replace (base name → content) standing in for the lab's own. It returns
// ErrUnprepared when the files import a package the lab's files do not
// depend on, or do not type-check.
func (l *Loader) Analyze(replace map[string][]byte, editable []string) (*Analysis, error) {
	if editsTests(editable) {
		return nil, ErrUnprepared // the loader holds the package without its tests
	}
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
	shallowDeps([]*packages.Package{pkg})
	graph, err := checker.Analyze(Analyzers(editable), []*packages.Package{pkg}, nil)
	if err != nil {
		return nil, fmt.Errorf("analysing %s: %w", l.dir, err)
	}
	return collect(l.dir, graph, editable, func(path string) []byte {
		if content, ok := replace[filepath.Base(path)]; ok {
			return content
		}
		data, _ := os.ReadFile(path)
		return data
	})
}

// Check compares the files in student (base name → content) with the
// lab's own (the shipped ones), as the package-level Check does.
func (l *Loader) Check(student map[string][]byte, editable []string) (Report, error) {
	l.shippedOnce.Do(func() { l.shipped, l.shippedErr = l.Analyze(nil, editable) })
	before, err := l.shipped, l.shippedErr
	if err != nil {
		return Report{}, fmt.Errorf("the shipped files: %w", err)
	}
	after, err := l.Analyze(student, editable)
	if err != nil {
		return Report{}, err
	}
	return Change(before, after), nil
}
