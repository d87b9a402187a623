// Package student says which of a package's files an analyzer of labvet
// looks at: the student's own, never a test.
package student

import (
	"go/token"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// File reports whether pos lies in one of the files named in files (base
// names; any file when empty) and not in a test: the checks judge what the
// student was asked to edit, and a testing lab's own test may do what a
// program must not (a sleep inside a testing/synctest bubble lets fake
// time pass).
func File(pass *analysis.Pass, pos token.Pos, files []string) bool {
	name := filepath.Base(pass.Fset.File(pos).Name())
	return (len(files) == 0 || slices.Contains(files, name)) && !strings.HasSuffix(name, "_test.go")
}
