package importer

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"sort"
	"strings"
)

// The lab's static checks (checker/labvet/fakesync) reject calls that hide
// a race instead of fixing it, anywhere in a student's file. A real fixed
// program may still make them for reasons of its own (sleeping to simulate
// work, log.Fatal on an error path), and the lab would then reject its own
// solution. So the calls the fixed program makes go through same-named
// helpers in a fixture file the student does not edit, in both versions.

// shim is a forbidden function and the fixture helper that stands in for it.
type shim struct {
	pkg, fn string // e.g. "time", "Sleep"
	base    string // the helper's preferred name
	params  string // the helper's parameters and results
	call    string // the body's call
	imp     string // the import the helper needs
}

func shims() []shim {
	return []shim{
		{"time", "Sleep", "sleep", "(d time.Duration)", "time.Sleep(d)", "time"},
		{"runtime", "Gosched", "gosched", "()", "runtime.Gosched()", "runtime"},
		{"runtime", "GOMAXPROCS", "gomaxprocs", "(n int) int", "return runtime.GOMAXPROCS(n)", "runtime"},
		{"runtime", "Goexit", "goexit", "()", "runtime.Goexit()", "runtime"},
		{"os", "Exit", "exit", "(code int)", "os.Exit(code)", "os"},
		{"syscall", "Exit", "sysExit", "(code int)", "syscall.Exit(code)", "syscall"},
		{"log", "Fatal", "fatal", "(v ...any)", "log.Fatal(v...)", "log"},
		{"log", "Fatalf", "fatalf", "(format string, v ...any)", "log.Fatalf(format, v...)", "log"},
		{"log", "Fatalln", "fatalln", "(v ...any)", "log.Fatalln(v...)", "log"},
	}
}

func (s shim) full() string { return s.pkg + "." + s.fn }

// refusedOutright reports the forbidden functions whose mere use makes the
// static checks refuse a student's file (labvet's confine: it is never
// built or run), rather than reject the fix: a shipped program that calls
// one would fail as refused, not as its lab expects, so it goes through a
// helper even when only the racy program calls it.
func refusedOutright(full string) bool {
	return full == "os.Exit" || full == "syscall.Exit"
}

// forbiddenUses lists, by full name, the forbidden functions the named
// files of a version refer to, with one place each for the report.
func forbiddenUses(c *checked, files []string) map[string]string {
	known := map[string]bool{}
	for _, s := range shims() {
		known[s.full()] = true
	}
	used := map[string]string{}
	for name, f := range c.files {
		if !slices.Contains(files, name) {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			fn, ok := c.info.Uses[sel.Sel].(*types.Func)
			if !ok || fn.Pkg() == nil {
				return true
			}
			full := fn.Pkg().Path() + "." + fn.Name()
			if known[full] {
				if _, seen := used[full]; !seen {
					used[full] = fmt.Sprintf("%s:%d", name, c.line(sel.Pos()))
				}
			}
			return true
		})
	}
	return used
}

// shimNames picks, for each forbidden function to replace, a helper name
// free in every version: nothing at package level has it, and no local
// name hides it where a call is rewritten.
func shimNames(needed map[string]bool, versions ...*checked) map[string]string {
	names := map[string]string{}
	for _, s := range shims() {
		if !needed[s.full()] {
			continue
		}
		name := s.base
		if !free(name, s, versions) {
			name = "racelab" + strings.ToUpper(s.base[:1]) + s.base[1:]
		}
		names[s.full()] = name
	}
	return names
}

func free(name string, s shim, versions []*checked) bool {
	for _, c := range versions {
		if c.pkg.Scope().Lookup(name) != nil {
			return false
		}
		for _, f := range c.files {
			clash := false
			ast.Inspect(f, func(n ast.Node) bool {
				sel, ok := n.(*ast.SelectorExpr)
				if !ok || clash {
					return !clash
				}
				fn, ok := c.info.Uses[sel.Sel].(*types.Func)
				if !ok || fn.Pkg() == nil || fn.Pkg().Path()+"."+fn.Name() != s.full() {
					return true
				}
				if inner := c.pkg.Scope().Innermost(sel.Pos()); inner != nil {
					if _, obj := inner.LookupParent(name, sel.Pos()); obj != nil && obj.Parent() != types.Universe {
						clash = true
					}
				}
				return true
			})
			if clash {
				return false
			}
		}
	}
	return true
}

// replaceShimmed rewrites every reference to a replaced function in file
// name to its helper.
func replaceShimmed(c *checked, name string, names map[string]string) ([]byte, int, error) {
	var edits []edit
	ast.Inspect(c.files[name], func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		fn, ok := c.info.Uses[sel.Sel].(*types.Func)
		if !ok || fn.Pkg() == nil {
			return true
		}
		if helper, ok := names[fn.Pkg().Path()+"."+fn.Name()]; ok {
			edits = append(edits, edit{c.offset(sel.Pos()), c.offset(sel.End()), helper})
		}
		return true
	})
	if len(edits) == 0 {
		return c.src[name], 0, nil
	}
	out, err := tidy(name, apply(c.src[name], edits), nil, c.importNames())
	return out, len(edits), err
}

// fixtureFile is the Go file holding the helpers.
func fixtureFile(header string, names map[string]string) []byte {
	var imports, funcs []string
	seen := map[string]bool{}
	for _, s := range shims() {
		name, ok := names[s.full()]
		if !ok {
			continue
		}
		if !seen[s.imp] {
			seen[s.imp] = true
			imports = append(imports, fmt.Sprintf("%q", s.imp))
		}
		funcs = append(funcs, fmt.Sprintf("// %s stands in for %s.\nfunc %s%s { %s }\n", name, s.full(), name, s.params, s.call))
	}
	sort.Strings(imports)
	return []byte(fmt.Sprintf(`%s

package main

// The lab's static checks reject these calls in a student's file, because
// they hide a race rather than fix it (a sleep makes it rarer, an exit ends
// the program before the lab's checks run). This program makes them for
// reasons of its own, so it calls these helpers instead. Do not use them to
// fix the race: the lab's tests still catch it.

import (
	%s
)

%s`, header, strings.Join(imports, "\n\t"), strings.Join(funcs, "\n")))
}
