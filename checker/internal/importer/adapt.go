package importer

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/types"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/racelab/racelab/checker/lab"
)

// adapter makes the changes a lab needs to both versions of a program
// (see the package comment), type-checking both again after each, and
// records each change in rep.
type adapter struct {
	ctx         context.Context
	root        string
	racy, fixed *program
	rc, fc      *checked
	rep         *Report
}

// versions pairs each version with its type-checked form.
func (a *adapter) versions() []struct {
	p *program
	c *checked
} {
	return []struct {
		p *program
		c *checked
	}{{a.racy, a.rc}, {a.fixed, a.fc}}
}

// recheck type-checks both versions after step rewrote them. A rewrite
// must leave the program compiling; when one cannot, the import stops here
// with where the program broke, rather than write a lab that does not
// build (or, worse, leave it to verify to say so without saying why).
func (a *adapter) recheck(step string) error {
	rc, fc, err := checkBoth(a.ctx, a.root, a.racy, a.fixed)
	var ce *compileError
	if errors.As(err, &ce) {
		return fmt.Errorf("%s broke the %s program, which no longer compiles:\n  %s\n"+
			"The import stops here. This is a limit of the import's rewrite, not a fault of the program: "+
			"change both programs by hand so that the rewrite is not needed, and import them again", step, ce.label, strings.Join(ce.msgs, "\n  "))
	}
	if err != nil {
		return fmt.Errorf("after %s: %w", step, err)
	}
	a.rc, a.fc = rc, fc
	return nil
}

// rewriteVersions applies fn to each version (it returns the files it
// changed and notes for the report), keeps what it changed, and
// type-checks both again. It reports whether anything changed.
func (a *adapter) rewriteVersions(step string, fn func(c *checked) (map[string][]byte, []string, error)) (bool, error) {
	changed := false
	for _, v := range a.versions() {
		files, notes, err := fn(v.c)
		if err != nil {
			return false, fmt.Errorf("%s in the %s program: %w", step, v.p.label, err)
		}
		for f, src := range files {
			if !bytes.Equal(src, v.p.files[f]) {
				v.p.files[f] = src
				changed = true
			}
		}
		for _, n := range notes {
			a.rep.Adapted = append(a.rep.Adapted, v.p.label+" "+n)
		}
	}
	if !changed {
		return false, nil
	}
	return true, a.recheck(step)
}

// rewrite is rewriteVersions one file at a time, over the named files
// (all when only is nil).
func (a *adapter) rewrite(step string, only []string, fn func(c *checked, name string) ([]byte, []string, error)) (bool, error) {
	return a.rewriteVersions(step, func(c *checked) (map[string][]byte, []string, error) {
		out := map[string][]byte{}
		var notes []string
		for _, f := range sortedNames(c.files) {
			if only != nil && !slices.Contains(only, f) {
				continue
			}
			src, n, err := fn(c, f)
			if err != nil {
				return nil, nil, fmt.Errorf("%s: %w", f, err)
			}
			out[f] = src
			notes = append(notes, n...)
		}
		return out, notes, nil
	})
}

// adapt type-checks both versions in racelab's module and makes the
// changes a lab needs (see the package comment), recording each in rep.
// It returns the file that holds run (the program's main).
func adapt(ctx context.Context, opts Options, racy, fixed *program, rep *Report) (string, error) {
	a := &adapter{ctx: ctx, root: opts.Root, racy: racy, fixed: fixed, rep: rep}
	var err error
	if a.rc, a.fc, err = checkBoth(ctx, opts.Root, racy, fixed); err != nil {
		return "", err
	}
	if hasInit(a.rc) {
		rep.Warnings = append(rep.Warnings, "the program has an init function: it runs before the lab's checks start, so goroutines it starts are neither counted nor checked for leaks; make sure it starts none")
	}

	if _, err := a.rewrite("turning os.Exit(0) in main into return", nil, exitToReturn); err != nil {
		return "", err
	}

	// Before the forbidden calls are replaced: the program's own watch is
	// where most of its exits and timers are, and they go with it.
	stripped := 0
	if _, err := a.rewrite("taking out the program's own hang detection", nil, func(c *checked, name string) ([]byte, []string, error) {
		src, notes, err := stripWatchdogs(c, name)
		stripped += len(notes)
		return src, notes, err
	}); err != nil {
		return "", err
	}
	if stripped > 0 {
		rep.Adapted = append(rep.Adapted, "the program watched for its own hang and gave up with a failure (exit status 1, a panic) before the lab's judge could see it: "+
			"that watch is taken out of both programs, so the judge's own watchdog and leak check (exit 68 and 67) see a blocking bug and name it, deadlock or leak")
	}

	// Only the files the fix changes become the student's; the others are
	// fixtures, which the static checks do not read.
	var differing []string
	for name := range union(racy.files, fixed.files) {
		if !bytes.Equal(racy.files[name], fixed.files[name]) {
			differing = append(differing, name)
		}
	}
	if err := a.shim(differing); err != nil {
		return "", err
	}

	if where := printsInGoroutines(a.rc, differing); len(where) > 0 {
		rep.Warnings = append(rep.Warnings, fmt.Sprintf("the racy program prints or formats text inside its goroutines (%s): fmt, log and os.File take locks and reuse buffers (a sync.Pool), which order goroutines behind the race detector's back, so the race may go unseen in some runs. If verify calls the lab flaky, move them out of the goroutines",
			strings.Join(where, ", ")))
	}

	old, why, err := oldLoopRule(opts, racy, a.rc, a.fc)
	if err != nil {
		return "", err
	}
	if old {
		changed, err := a.rewrite("sharing loop variables", nil, func(c *checked, name string) ([]byte, []string, error) {
			loops := captures(c, c.files[name], false)
			if len(loops) == 0 {
				return c.src[name], nil, nil
			}
			return shareLoopVars(c, name, loops)
		})
		if err != nil {
			return "", err
		}
		if changed {
			rep.Adapted = append(rep.Adapted, why)
		}
	}
	return a.entry()
}

// shim makes the calls the static checks forbid in a student's file go
// through helpers in a fixture, when the lab would otherwise reject its own
// solution (the fixed program still makes them) or refuse to run the
// shipped program at all (os.Exit, which confine refuses in any version:
// such a file is never built).
func (a *adapter) shim(differing []string) error {
	used := forbiddenUses(a.fc, differing)
	var fromRacy []string
	for full, at := range forbiddenUses(a.rc, differing) {
		if _, ok := used[full]; !ok && refusedOutright(full) {
			used[full] = at
			fromRacy = append(fromRacy, full)
		}
	}
	if len(used) == 0 {
		return nil
	}
	need := map[string]bool{}
	var where []string
	for full, at := range used {
		need[full] = true
		if !slices.Contains(fromRacy, full) {
			where = append(where, fmt.Sprintf("%s (%s)", full, at))
		}
	}
	sort.Strings(where)
	names := shimNames(need, a.rc, a.fc)
	// The helpers are one more file both programs share: a fixture. It is
	// in place before the calls change, so that the check after the
	// rewrite sees them.
	fixture := fixtureFile(lab.FixtureHeader, names)
	name := fixtureName(union(a.racy.files, a.fixed.files))
	a.racy.files[name], a.fixed.files[name] = fixture, fixture
	if _, err := a.rewrite("replacing the calls the static checks forbid", differing, func(c *checked, name string) ([]byte, []string, error) {
		src, _, err := replaceShimmed(c, name, names)
		return src, nil, err
	}); err != nil {
		return err
	}
	var helpers []string
	for _, full := range sortedNames(names) {
		helpers = append(helpers, full+" → "+names[full])
	}
	var why []string
	if len(where) > 0 {
		why = append(why, "the fixed program still calls "+strings.Join(where, ", ")+", which the static checks forbid in a student's file")
	}
	if len(fromRacy) > 0 {
		sort.Strings(fromRacy)
		why = append(why, "the racy program calls "+strings.Join(fromRacy, ", ")+", which the static checks refuse outright (the program would never be built or run)")
	}
	a.rep.Adapted = append(a.rep.Adapted, fmt.Sprintf("%s: both programs call helpers in a fixture instead (%s)", strings.Join(why, "; "), strings.Join(helpers, ", ")))
	return nil
}

// entry makes the program's main the lab format's run (see mainToRun),
// and returns the file that holds it.
func (a *adapter) entry() (string, error) {
	newRun := a.freeName("runProgram", "racelabRun")
	ownRun := a.rc.pkg.Scope().Lookup(runName) != nil || a.fc.pkg.Scope().Lookup(runName) != nil
	if _, err := a.rewriteVersions("renaming func main to run", func(c *checked) (map[string][]byte, []string, error) {
		files, err := mainToRun(c, newRun)
		return files, nil, err
	}); err != nil {
		return "", err
	}
	a.rep.Adapted = append(a.rep.Adapted, fmt.Sprintf("func main is now func run, which %s (a fixture) hands to program.Main: the lab's checks run around it, in the program's own process", mainFile))
	if ownRun {
		a.rep.Adapted = append(a.rep.Adapted, fmt.Sprintf("the program's own run is now %s, to free the name", newRun))
	}
	// The shipped program's file: the one the student reads first.
	for _, c := range []*checked{a.rc, a.fc} {
		if file := runFile(c); file != "" {
			return file, nil
		}
	}
	return "", fmt.Errorf("renaming func main to run left no func run")
}

// freeName is the first of names that neither version declares at package
// level.
func (a *adapter) freeName(names ...string) string {
	for _, n := range names {
		if a.rc.pkg.Scope().Lookup(n) == nil && a.fc.pkg.Scope().Lookup(n) == nil {
			return n
		}
	}
	for i := 2; ; i++ {
		n := names[len(names)-1] + strconv.Itoa(i)
		if a.rc.pkg.Scope().Lookup(n) == nil && a.fc.pkg.Scope().Lookup(n) == nil {
			return n
		}
	}
}

func checkBoth(ctx context.Context, root string, racy, fixed *program) (*checked, *checked, error) {
	rc, err := typecheck(ctx, root, "racy", racy.files)
	if err != nil {
		return nil, nil, err
	}
	fc, err := typecheck(ctx, root, "fixed", fixed.files)
	if err != nil {
		return nil, nil, err
	}
	return rc, fc, nil
}

// printsInGoroutines lists the calls into fmt, log and os.File made by
// the goroutines of the named files (their function literals, or the
// package's functions they start), at most five.
func printsInGoroutines(c *checked, files []string) []string {
	bodies := map[*ast.BlockStmt]bool{}
	funcs := map[types.Object]*ast.BlockStmt{}
	for _, f := range c.files {
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Body != nil {
				funcs[c.info.Defs[fn.Name]] = fn.Body
			}
		}
	}
	for name, f := range c.files {
		if !slices.Contains(files, name) {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			g, ok := n.(*ast.GoStmt)
			if !ok {
				return true
			}
			switch fun := ast.Unparen(g.Call.Fun).(type) {
			case *ast.FuncLit:
				bodies[fun.Body] = true
			case *ast.Ident:
				if b := funcs[c.info.Uses[fun]]; b != nil {
					bodies[b] = true
				}
			}
			return true
		})
	}
	var out []string
	seen := map[string]bool{}
	for body := range bodies {
		ast.Inspect(body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if !ok {
				return true
			}
			fn, ok := c.info.Uses[sel.Sel].(*types.Func)
			if !ok || fn.Pkg() == nil {
				return true
			}
			switch fn.Pkg().Path() {
			case "fmt", "log", "os":
				if fn.Pkg().Path() == "os" && !strings.HasPrefix(fn.FullName(), "(*os.File).Write") {
					return true
				}
				pos := c.fset.Position(call.Pos())
				at := fmt.Sprintf("%s:%d %s.%s", filepath.Base(pos.Filename), pos.Line, fn.Pkg().Name(), fn.Name())
				if !seen[at] {
					seen[at] = true
					out = append(out, at)
				}
			}
			return true
		})
	}
	sort.Strings(out)
	if len(out) > 5 {
		out = append(out[:5], "...")
	}
	return out
}

// hasInit reports whether the package has an init function.
func hasInit(c *checked) bool {
	for _, f := range c.files {
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && fn.Name.Name == "init" {
				return true
			}
		}
	}
	return false
}

// oldLoopRule decides whether the program was written for Go before 1.22,
// where a loop's variables are shared by all its iterations: as --go says,
// else as its go.mod says, else by its loops: a racy program whose
// goroutines hold a loop variable, with a fix that stops them (passing it
// as an argument, copying it), was written for the old rule.
func oldLoopRule(opts Options, racy *program, rc, fc *checked) (bool, string, error) {
	version, from := opts.GoVersion, "--go"
	if version == "" && racy.goVersion != "" {
		version, from = racy.goVersion, racy.goModPath
	}
	if version != "" {
		minor, err := goMinor(version)
		if err != nil {
			return false, "", fmt.Errorf("%s: %w", from, err)
		}
		if minor < 22 {
			return true, fmt.Sprintf("the program is written for Go %s (%s), when a loop's variables were shared by all its iterations", version, from), nil
		}
		return false, "", nil
	}
	held := func(c *checked) bool {
		for _, f := range c.files {
			if len(captures(c, f, true)) > 0 {
				return true
			}
		}
		return false
	}
	modern := func(c *checked) bool {
		for _, f := range c.files {
			if modernLoops(c, f) {
				return true
			}
		}
		return false
	}
	if held(rc) && !held(fc) && !modern(rc) && !modern(fc) {
		return true, "the program has no go.mod, and its fix stops goroutines from holding a loop variable: it was written for Go before 1.22, when a loop's variables were shared by all its iterations (say --go 1.22 if not)", nil
	}
	return false, "", nil
}

// goMinor parses "1.21", "go1.21" or "1.21.3" into 21.
func goMinor(v string) (int, error) {
	v = strings.TrimPrefix(v, "go")
	parts := strings.Split(v, ".")
	if len(parts) < 2 || parts[0] != "1" {
		return 0, fmt.Errorf("go version %q: want one like 1.21", v)
	}
	n, err := strconv.Atoi(parts[1])
	if err != nil {
		return 0, fmt.Errorf("go version %q: want one like 1.21", v)
	}
	return n, nil
}
