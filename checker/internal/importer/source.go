package importer

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// program is one version (racy or fixed) of the program to import, as
// found on disk.
type program struct {
	label     string            // "racy" or "fixed", for messages
	path      string            // what the instructor named
	files     map[string][]byte // the package's non-test Go files, by base name
	data      map[string][]byte // small text files beside them (inputs it may read)
	goVersion string            // the go directive of the nearest go.mod, "" if none
	goModPath string            // that go.mod, for messages
	skipped   []string          // files left out, with why
}

// maxDataFile bounds the files carried into the lab's script as inputs.
const maxDataFile = 64 << 10

// load reads a program from a directory (its package main) or from a single
// .go file (bug collections often keep racy.go and fixed.go side by side).
func load(label, path string) (*program, error) {
	p := &program{label: label, path: path, files: map[string][]byte{}, data: map[string][]byte{}}
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("the %s program: %w", label, err)
	}
	dir := path
	if !info.IsDir() {
		if !strings.HasSuffix(path, ".go") {
			return nil, fmt.Errorf("the %s program: %s is neither a directory nor a .go file", label, path)
		}
		dir = filepath.Dir(path)
		src, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("the %s program: %w", label, err)
		}
		p.files[filepath.Base(path)] = src
	} else {
		entries, err := os.ReadDir(path)
		if err != nil {
			return nil, fmt.Errorf("the %s program: %w", label, err)
		}
		for _, e := range entries {
			name := e.Name()
			full := filepath.Join(path, name)
			switch {
			case e.IsDir():
				if name != "testdata" && !strings.HasPrefix(name, ".") {
					p.skipped = append(p.skipped, name+"/ (a lab is one package: subdirectories are left out)")
				}
			case strings.HasSuffix(name, "_test.go"):
				p.skipped = append(p.skipped, name+" (the program's own tests: the lab's tests replace them)")
			case strings.HasSuffix(name, ".go"):
				src, err := os.ReadFile(full)
				if err != nil {
					return nil, fmt.Errorf("the %s program: %w", label, err)
				}
				p.files[name] = src
			case name == "go.mod" || name == "go.sum" || strings.HasPrefix(name, "."):
			case isDocument(name):
			default:
				data, err := os.ReadFile(full)
				if err == nil && len(data) <= maxDataFile && utf8.Valid(data) && !bytes.Contains(data, []byte("\n-- ")) {
					p.data[name] = data
				} else {
					p.skipped = append(p.skipped, name+" (not a small text file: the lab's script cannot carry it)")
				}
			}
		}
	}
	if len(p.files) == 0 {
		return nil, fmt.Errorf("the %s program: no Go files in %s", label, path)
	}
	if err := p.checkPackage(); err != nil {
		return nil, err
	}
	p.goModPath, p.goVersion = findGoMod(dir)
	return p, nil
}

// isDocument reports files that describe the program rather than feed it.
func isDocument(name string) bool {
	lower := strings.ToLower(name)
	for _, prefix := range []string{"readme", "license", "licence", "copying", "notice", "authors", "makefile"} {
		if strings.HasPrefix(lower, prefix) {
			return true
		}
	}
	switch filepath.Ext(lower) {
	case ".md", ".html", ".png", ".jpg", ".svg", ".yml", ".yaml", ".toml", ".mod", ".sum":
		return true
	}
	return false
}

// ignoreTag matches the build constraints that keep a file out of every
// build: bug collections use them to keep several programs in one
// directory, each run with `go run file.go`.
var ignoreTag = regexp.MustCompile(`(?m)^//go:build ignore[ \t]*\n|^// \+build ignore[ \t]*\n`)

// checkPackage makes sure the files are one package main with a main
// function, and drops `ignore` build constraints.
func (p *program) checkPackage() error {
	var mains []string
	for _, name := range sortedNames(p.files) {
		if ignoreTag.Match(p.files[name]) {
			p.files[name] = ignoreTag.ReplaceAll(p.files[name], nil)
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, p.files[name], parser.SkipObjectResolution)
		if err != nil {
			return fmt.Errorf("the %s program: %v", p.label, err)
		}
		if f.Name.Name != "main" {
			return fmt.Errorf("the %s program: %s is package %s: a lab's program is package main", p.label, name, f.Name.Name)
		}
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && fn.Name.Name == "main" {
				mains = append(mains, name)
			}
		}
	}
	switch {
	case len(mains) == 0:
		return fmt.Errorf("the %s program (%s) has no func main: import takes a program, package main with a main function", p.label, p.path)
	case len(mains) > 1:
		return fmt.Errorf("%s holds several programs (%s each have a main): name the %s program's file instead of its directory", p.path, strings.Join(mains, " and "), p.label)
	}
	return nil
}

// findGoMod looks for the go.mod governing dir and returns its path and go
// directive ("1.21"), or "" when there is none. The search stops at the top
// of a repository (a .git entry), and racelab's own go.mod does not count:
// a program kept in racelab's testdata was not written for it.
func findGoMod(dir string) (path, version string) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", ""
	}
	for {
		data, err := os.ReadFile(filepath.Join(abs, "go.mod"))
		if err == nil {
			if bytes.Contains(data, []byte("module github.com/racelab/racelab\n")) {
				return "", ""
			}
			m := goDirective.FindSubmatch(data)
			if m == nil {
				return filepath.Join(abs, "go.mod"), ""
			}
			return filepath.Join(abs, "go.mod"), string(m[1])
		}
		if _, err := os.Stat(filepath.Join(abs, ".git")); err == nil {
			return "", ""
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return "", ""
		}
		abs = parent
	}
}

var goDirective = regexp.MustCompile(`(?m)^go[ \t]+(1\.\d+)`)

func sortedNames[V any](m map[string]V) []string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
