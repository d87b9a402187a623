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
		for i, e := range p.Errors {
			if i == 5 {
				msgs = append(msgs, fmt.Sprintf("(and %d more)", len(p.Errors)-5))
				break
			}
			msgs = append(msgs, strings.ReplaceAll(e.Error(), pkgDir+string(filepath.Separator), ""))
		}
		hint := ""
		if strings.Contains(strings.Join(msgs, " "), "no required module provides") || strings.Contains(strings.Join(msgs, " "), "cannot find") {
			hint = " (a lab may import only the standard library and racelab's own dependencies)"
		}
		return nil, fmt.Errorf("the %s program does not compile as a lab%s:\n  %s", label, hint, strings.Join(msgs, "\n  "))
	}
	c := &checked{fset: fset, files: map[string]*ast.File{}, src: files, info: p.TypesInfo, pkg: p.Types}
	for _, f := range p.Syntax {
		c.files[filepath.Base(fset.File(f.Pos()).Name())] = f
	}
	return c, nil
}

// offset is pos's byte offset in its file.
func (c *checked) offset(pos token.Pos) int { return c.fset.Position(pos).Offset }

// line is pos's line.
func (c *checked) line(pos token.Pos) int { return c.fset.Position(pos).Line }
