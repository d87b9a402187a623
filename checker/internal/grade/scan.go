package grade

import (
	"fmt"
	"go/parser"
	"go/token"
	"sort"
	"strconv"
	"strings"
)

// scan looks for what a lab's editable file must never contain, before
// anything (even the static checks, whose package loading would run cgo)
// touches it: cgo (the C compiler would run the student's flags and code
// on the grading machine, outside the sandbox) and linkname or cgo
// directives. Each finding is a sentence for the student. A file that does
// not parse is left to the compiler, which explains syntax errors better.
//
// Text that imitates test results is no longer a concern: the program's
// output never reaches the judge's verdict except as data.
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
	// The imports first, parsed as the go command parses them to decide
	// whether to run cgo: a syntax error further down must not hide an
	// import "C" from this check while the go command still acts on it.
	fset := token.NewFileSet()
	head, err := parser.ParseFile(fset, name, src, parser.ImportsOnly|parser.ParseComments)
	if err != nil {
		return
	}
	for _, imp := range head.Imports {
		path, _ := strconv.Unquote(imp.Path.Value)
		if path == "C" {
			add(imp.Pos(), fset, `imports "C" (cgo): C code is not allowed in a lab, and the file was not built`)
		}
	}
	f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
	if err != nil {
		f = head // left to the compiler, but the preamble's comments still count
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
	return
}
