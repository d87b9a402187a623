package importer

import (
	"bytes"
	"context"
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

// reserved are the package-level names the imported lab_test.go declares.
func reserved() []string {
	return []string{"TestMain", "TestLab", "racelabGoroutines", "racelabKeepsGoroutines", "racelabStarted"}
}

// adapt type-checks both versions in racelab's module and makes the
// changes a lab needs (see the package comment), recording each in rep.
func adapt(ctx context.Context, opts Options, racy, fixed *program, rep *Report) error {
	rc, fc, err := checkBoth(ctx, opts.Root, racy, fixed)
	if err != nil {
		return err
	}
	for _, c := range []*checked{rc, fc} {
		for _, n := range reserved() {
			if c.pkg.Scope().Lookup(n) != nil {
				return fmt.Errorf("the program declares %s, a name the lab's test file needs: rename it in both versions", n)
			}
		}
	}
	if hasInit(rc) {
		rep.Warnings = append(rep.Warnings, "the program has an init function: it also runs in the test process, before the harness; make sure it starts no goroutine")
	}

	exits := false
	for _, v := range []struct {
		p *program
		c *checked
	}{{racy, rc}, {fixed, fc}} {
		for _, f := range sortedNames(v.p.files) {
			src, notes, err := exitToReturn(v.c, f)
			if err != nil {
				return err
			}
			if len(notes) > 0 {
				v.p.files[f] = src
				exits = true
				for _, n := range notes {
					rep.Adapted = append(rep.Adapted, v.p.label+" "+n)
				}
			}
		}
	}
	if exits {
		if rc, fc, err = checkBoth(ctx, opts.Root, racy, fixed); err != nil {
			return fmt.Errorf("after turning os.Exit(0) into return: %w", err)
		}
	}

	// Only the files the fix changes become the student's; the others are
	// fixtures, which the static checks do not read.
	var differing []string
	for name := range union(racy.files, fixed.files) {
		if !bytes.Equal(racy.files[name], fixed.files[name]) {
			differing = append(differing, name)
		}
	}
	if used := forbiddenUses(fc, differing); len(used) > 0 {
		need := map[string]bool{}
		var where []string
		for full, at := range used {
			need[full] = true
			where = append(where, fmt.Sprintf("%s (%s)", full, at))
		}
		sort.Strings(where)
		names := shimNames(need, rc, fc)
		for _, v := range []struct {
			p *program
			c *checked
		}{{racy, rc}, {fixed, fc}} {
			for _, f := range sortedNames(v.p.files) {
				if !slices.Contains(differing, f) {
					continue
				}
				src, _, err := replaceShimmed(v.c, f, names)
				if err != nil {
					return err
				}
				v.p.files[f] = src
			}
		}
		// The helpers are one more file both programs share: a fixture.
		fixture := fixtureFile(lab.FixtureHeader, names)
		name := fixtureName(union(racy.files, fixed.files))
		racy.files[name], fixed.files[name] = fixture, fixture
		var helpers []string
		for _, full := range sortedNames(names) {
			helpers = append(helpers, full+" → "+names[full])
		}
		rep.Adapted = append(rep.Adapted, fmt.Sprintf("the fixed program still calls %s, which the static checks forbid in a student's file: both programs call helpers in a fixture instead (%s)",
			strings.Join(where, ", "), strings.Join(helpers, ", ")))
		if rc, fc, err = checkBoth(ctx, opts.Root, racy, fixed); err != nil {
			return fmt.Errorf("after replacing forbidden calls: %w", err)
		}
	}

	if where := printsInGoroutines(rc, differing); len(where) > 0 {
		rep.Warnings = append(rep.Warnings, fmt.Sprintf("the racy program prints or formats text inside its goroutines (%s): fmt, log and os.File take locks and reuse buffers (a sync.Pool), which order goroutines behind the race detector's back, so the race may go unseen in some runs. If verify calls the lab flaky, move them out of the goroutines",
			strings.Join(where, ", ")))
	}

	old, why, err := oldLoopRule(opts, racy, rc, fc)
	if err != nil {
		return err
	}
	if !old {
		return nil
	}
	changed := false
	for _, v := range []struct {
		p *program
		c *checked
	}{{racy, rc}, {fixed, fc}} {
		for _, f := range sortedNames(v.p.files) {
			loops := captures(v.c, v.c.files[f], false)
			if len(loops) == 0 {
				continue
			}
			src, notes, err := shareLoopVars(v.c, f, loops)
			if err != nil {
				return err
			}
			v.p.files[f] = src
			changed = true
			for _, n := range notes {
				rep.Adapted = append(rep.Adapted, v.p.label+" "+n)
			}
		}
	}
	if changed {
		rep.Adapted = append(rep.Adapted, why)
		if _, _, err := checkBoth(ctx, opts.Root, racy, fixed); err != nil {
			return fmt.Errorf("after sharing loop variables: %w", err)
		}
	}
	return nil
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
