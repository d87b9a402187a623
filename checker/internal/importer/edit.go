package importer

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/scanner"
	"go/token"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ast/astutil"
)

// edit replaces src[from:to] with text (an insertion when from == to).
type edit struct {
	from, to int
	text     string
}

// apply makes the edits, which must not overlap, on a copy of src.
// Insertions at the same offset keep their order.
func apply(src []byte, edits []edit) []byte {
	sorted := append([]edit(nil), edits...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].from > sorted[j].from })
	out := append([]byte(nil), src...)
	// Equal offsets: applied last-first, so reverse each run to keep order.
	for i := 0; i < len(sorted); {
		j := i
		for j < len(sorted) && sorted[j].from == sorted[i].from {
			j++
		}
		for a, b := i, j-1; a < b; a, b = a+1, b-1 {
			sorted[a], sorted[b] = sorted[b], sorted[a]
		}
		i = j
	}
	for _, e := range sorted {
		out = append(out[:e.from], append([]byte(e.text), out[e.to:]...)...)
	}
	return out
}

// tidy adds the imports a rewrite needs, drops the ones it left unused,
// and gofmts the file. names maps import paths to package names as the
// type-checker found them (see checked.importNames): a package's name is
// not always its path's last element (math/rand/v2 is rand), and guessing
// wrong either deletes an import still in use (undefined: rand) or keeps
// one no longer used (imported and not used). Whatever tidy decides, the
// caller type-checks the result again (see recheck).
func tidy(name string, src []byte, add []string, names map[string]string) ([]byte, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
	if err != nil {
		return nil, fmt.Errorf("rewriting %s: the result does not parse: %w", name, err)
	}
	for _, path := range add {
		astutil.AddImport(fset, f, path)
	}
	// Collect first: deleting changes f.Imports under the loop.
	var unused []*ast.ImportSpec
	for _, imp := range f.Imports {
		path, _ := strconv.Unquote(imp.Path.Value)
		local := importName(imp, path, names)
		if local != "_" && local != "." && !usesName(f, local) {
			unused = append(unused, imp)
		}
	}
	for _, imp := range unused {
		path, _ := strconv.Unquote(imp.Path.Value)
		astutil.DeleteNamedImport(fset, f, nameOrEmpty(imp), path)
	}
	var b bytes.Buffer
	if err := format.Node(&b, fset, f); err != nil {
		return nil, fmt.Errorf("rewriting %s: %w", name, err)
	}
	return b.Bytes(), nil
}

func nameOrEmpty(imp *ast.ImportSpec) string {
	if imp.Name == nil {
		return ""
	}
	return imp.Name.Name
}

// importName is the name an import is used under in its file: its own
// name, else the package's name from names, else the name the go command
// would assume (the last element of the path that is not a major version:
// math/rand/v2 is rand).
func importName(imp *ast.ImportSpec, path string, names map[string]string) string {
	if imp.Name != nil {
		return imp.Name.Name
	}
	if n, ok := names[path]; ok {
		return n
	}
	parts := strings.Split(path, "/")
	last := parts[len(parts)-1]
	if len(parts) > 1 && majorVersion.MatchString(last) {
		last = parts[len(parts)-2]
	}
	return last
}

var majorVersion = regexp.MustCompile(`^v[0-9]+$`)

// usesName reports whether the file refers to name.X anywhere.
func usesName(f *ast.File, name string) bool {
	found := false
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok && id.Name == name {
				found = true
			}
		}
		return !found
	})
	return found
}

// sameTokens reports whether a and b are the same Go code once comments
// are ignored: the proof that adding a comment changed nothing else.
func sameTokens(a, b []byte) bool {
	ta, oka := tokens(a)
	tb, okb := tokens(b)
	if !oka || !okb || len(ta) != len(tb) {
		return false
	}
	for i := range ta {
		if ta[i] != tb[i] {
			return false
		}
	}
	return true
}

type tok struct {
	t   token.Token
	lit string
}

func tokens(src []byte) ([]tok, bool) {
	fset := token.NewFileSet()
	file := fset.AddFile("x.go", -1, len(src))
	var s scanner.Scanner
	bad := false
	s.Init(file, src, func(token.Position, string) { bad = true }, 0)
	var out []tok
	for {
		_, t, lit := s.Scan()
		if t == token.EOF {
			break
		}
		if t == token.SEMICOLON {
			lit = "" // "\n" or ";": where a comment ends a line is not a change
		}
		out = append(out, tok{t, lit})
	}
	return out, !bad
}
