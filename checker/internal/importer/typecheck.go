package importer

import (
	"context"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/packages"
)

// checked is one version of the program, parsed and type-checked as it will
// be compiled in the lab: inside racelab's module.
type checked struct {
	label string // "racy" or "fixed", for messages
	fset  *token.FileSet
	files map[string]*ast.File // by base name
	src   map[string][]byte
	info  *types.Info
	pkg   *types.Package
}

// typecheck type-checks files as one package main of racelab's module (so
// that what it imports resolves exactly as in the lab), in a scratch
// directory holding only racelab's go.mod and go.sum.
func typecheck(ctx context.Context, root, label string, files map[string][]byte) (*checked, error) {
	dir, err := os.MkdirTemp("", "racelab-import-check-")
	if err != nil {
		return nil, fmt.Errorf("type-checking the %s program: %w", label, err)
	}
	defer os.RemoveAll(dir)
	for _, f := range []string{"go.mod", "go.sum"} {
		data, err := os.ReadFile(filepath.Join(root, f))
		if err != nil && f == "go.mod" {
			return nil, fmt.Errorf("type-checking the %s program: %w", label, err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			return nil, fmt.Errorf("type-checking the %s program: %w", label, err)
		}
	}
	pkgDir := filepath.Join(dir, "labs", "imported")
	if err := os.MkdirAll(pkgDir, 0o755); err != nil {
		return nil, fmt.Errorf("type-checking the %s program: %w", label, err)
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(pkgDir, name), src, 0o644); err != nil {
			return nil, fmt.Errorf("type-checking the %s program: %w", label, err)
		}
	}
	fset := token.NewFileSet()
	cfg := &packages.Config{
		Context: ctx,
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedSyntax | packages.NeedTypes |
			packages.NeedTypesInfo | packages.NeedImports,
		Dir:  pkgDir,
		Fset: fset,
		Env:  append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod"),
	}
	pkgs, err := packages.Load(cfg, ".")
	if err != nil {
		return nil, fmt.Errorf("type-checking the %s program: %w", label, err)
	}
	if len(pkgs) != 1 {
		return nil, fmt.Errorf("type-checking the %s program: found %d packages, want 1", label, len(pkgs))
	}
	p := pkgs[0]
	if len(p.Errors) > 0 {
		var msgs []string
		for _, e := range p.Errors {
			// The go command's own summary of the compiler's errors
			// ("-: # package") repeats them without their place.
			if (e.Pos == "" || e.Pos == "-") && strings.HasPrefix(e.Msg, "# ") && len(p.Errors) > 1 {
				continue
			}
			if len(msgs) == 5 {
				msgs = append(msgs, "(and more)")
				break
			}
			msgs = append(msgs, strings.ReplaceAll(e.Error(), pkgDir+string(filepath.Separator), ""))
		}
		return nil, &compileError{label: label, msgs: msgs}
	}
	c := &checked{label: label, fset: fset, files: map[string]*ast.File{}, src: files, info: p.TypesInfo, pkg: p.Types}
	for _, f := range p.Syntax {
		c.files[filepath.Base(fset.File(f.Pos()).Name())] = f
	}
	return c, nil
}

// offset is pos's byte offset in its file.
func (c *checked) offset(pos token.Pos) int { return c.fset.Position(pos).Offset }

// line is pos's line.
func (c *checked) line(pos token.Pos) int { return c.fset.Position(pos).Line }

// importNames maps the path of every package the program depends on to its
// name, as the type-checker found it: what tidy needs to tell which imports
// a rewrite left unused.
func (c *checked) importNames() map[string]string {
	names := map[string]string{}
	var walk func(*types.Package)
	walk = func(p *types.Package) {
		for _, imp := range p.Imports() {
			if _, seen := names[imp.Path()]; !seen {
				names[imp.Path()] = imp.Name()
				walk(imp)
			}
		}
	}
	walk(c.pkg)
	return names
}

// compileError is a version of the program that does not type-check, with
// the compiler's messages, their positions relative to the program's
// folder (main.go:12:9: undefined: rand).
type compileError struct {
	label string
	msgs  []string
}

func (e *compileError) Error() string {
	all := strings.Join(e.msgs, " ")
	hint := ""
	if strings.Contains(all, "no required module provides") || strings.Contains(all, "cannot find") {
		hint = " (a lab may import only the standard library and racelab's own dependencies)"
	}
	return fmt.Sprintf("the %s program does not compile as a lab%s:\n  %s", e.label, hint, strings.Join(e.msgs, "\n  "))
}
