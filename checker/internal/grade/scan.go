package grade

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"sort"
	"strconv"
	"strings"
)

// scan looks for what a lab's editable file must never contain, before it
// is built: cgo (the C compiler would run the student's flags and code on
// the grading machine, outside the sandbox), linkname directives (reaching
// into the test framework's internals), the testing package, and text that
// imitates the test framework's own result lines (a fake PASS). Each finding
// is a sentence for the student. A file that does not parse is left to the
// compiler, which explains syntax errors better.
func scan(name string, src []byte) (out []string) {
	type finding struct {
		line int
		text string
	}
	var found []finding
	add := func(pos token.Pos, fset *token.FileSet, format string, args ...any) {
		where, line := name, 0
		if fset != nil && pos.IsValid() {
			line = fset.Position(pos).Line
			where = fmt.Sprintf("%s:%d", name, line)
		}
		found = append(found, finding{line, where + ": " + fmt.Sprintf(format, args...)})
	}
	defer func() {
		sort.SliceStable(found, func(i, j int) bool { return found[i].line < found[j].line })
		for _, f := range found {
			out = append(out, f.text)
		}
	}()
	if bytes.IndexByte(src, 0x16) >= 0 {
		add(token.NoPos, nil, "contains the control character ^V, which frames the test framework's result lines")
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
	if err != nil {
		return
	}
	for _, imp := range f.Imports {
		path, _ := strconv.Unquote(imp.Path.Value)
		switch path {
		case "C":
			add(imp.Pos(), fset, `imports "C" (cgo): C code is not allowed in a lab, and the file was not built`)
		case "testing":
			add(imp.Pos(), fset, `imports "testing": a lab program must not talk to the test framework`)
		}
	}
	for _, group := range f.Comments {
		for _, c := range group.List {
			for _, line := range strings.Split(strings.TrimPrefix(strings.TrimPrefix(c.Text, "//"), "/*"), "\n") {
				if strings.HasPrefix(strings.TrimSpace(line), "#cgo") {
					add(c.Pos(), fset, "has a #cgo directive: C build flags are not allowed in a lab")
					break
				}
			}
			switch {
			case strings.HasPrefix(c.Text, "//go:linkname"), strings.HasPrefix(c.Text, "//go:cgo_"):
				directive, _, _ := strings.Cut(c.Text, " ")
				add(c.Pos(), fset, "has a %s directive: a lab program may only use packages through their exported API", directive)
			}
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		lit, ok := n.(*ast.BasicLit)
		if !ok || (lit.Kind != token.STRING && lit.Kind != token.CHAR) {
			return true
		}
		v, err := strconv.Unquote(lit.Value)
		if err != nil {
			return true
		}
		for _, fake := range []string{"\x16", "--- PASS", "--- FAIL", "--- SKIP", "=== RUN", "=== CONT"} {
			if strings.Contains(v, fake) {
				add(lit.Pos(), fset, "prints %q, which imitates the test framework's own output: a lab program must not fake test results", strings.TrimSpace(fake))
				break
			}
		}
		return true
	})
	return
}
