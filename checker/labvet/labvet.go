// Package labvet runs racelab's static checks on a lab's student files and
// compares what it finds in the student's version with the shipped one:
//
//   - confine: what a lab file may never use (unsafe, system calls, other
//     programs, os.Exit, the test framework, go:linkname, racelab's own
//     overlap machinery, which belongs in the program's fixtures); a file
//     it refuses is never built or run;
//   - fakesync: sleeps, yields and GOMAXPROCS standing in for
//     synchronisation;
//   - the concurrency checks of go vet: copylocks (a lock copied by value),
//     waitgroup (WaitGroup.Add inside the goroutine), lostcancel (a context
//     never cancelled), atomic (x = atomic.AddInt64(&x, 1));
//   - addorder: a WaitGroup's Add after the go statement whose goroutine
//     it counts (go vet's waitgroup sees only an Add inside it);
//   - loadstore: an atomic Load whose value a separate Store, Swap or
//     unretried CompareAndSwap writes back, a decision on a Load after
//     an Add whose result was thrown away (a lost update the race detector
//     cannot see), or a Store a test of a separate Load decides (a
//     check-then-act in two steps);
//   - splitlock: a value read under a lock and written back to the same
//     place under a later hold of it, or a place tested under one hold and
//     written, untested, under a later one (the same, with a lock);
//   - spin: a loop that waits for another goroutine by checking again and
//     again (an atomic flag, a TryLock, a select whose default does
//     nothing) instead of blocking, which a run sees only when the
//     goroutine it waits for is slow;
//   - trylock: a TryLock whose failure skips the work the lock guards (an
//     update dropped, never raced);
//   - wakeorder: a Cond's Signal or Broadcast made before the change it
//     announces;
//   - timeguess: a wait a timer ends as if what it waited for had all
//     come (a guess about how long the others take, not a deadline);
//   - cancelfirst: a goroutine that cancels the others before it hands on
//     the error that made it cancel (theirs can be kept first);
//   - fixkind: which kinds of synchronisation the files use (a fact, not a
//     finding).
//
// Only what the student's change brings counts (Change): a sleep or a
// WaitGroup that was in the shipped file is the lab's, not the student's
// choice. Findings other than confine's are "wrong fix" findings; the kinds
// decide, for a program whose runs pass, whether the fix is the lab's kind
// or another (checker/lab's KindPasses).
//
// The judge runs it as its static step, so that `go test ./labs/...`
// enforces it; verify and the grader run it too, outside any sandbox,
// since it only reads source.
package labvet

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/passes/atomic"
	"golang.org/x/tools/go/analysis/passes/copylock"
	"golang.org/x/tools/go/analysis/passes/lostcancel"
	"golang.org/x/tools/go/analysis/passes/waitgroup"
	"golang.org/x/tools/go/packages"

	"github.com/racelab/racelab/checker/labvet/addorder"
	"github.com/racelab/racelab/checker/labvet/cancelfirst"
	"github.com/racelab/racelab/checker/labvet/confine"
	"github.com/racelab/racelab/checker/labvet/fakesync"
	"github.com/racelab/racelab/checker/labvet/fixkind"
	"github.com/racelab/racelab/checker/labvet/loadstore"
	"github.com/racelab/racelab/checker/labvet/spin"
	"github.com/racelab/racelab/checker/labvet/splitlock"
	"github.com/racelab/racelab/checker/labvet/timeguess"
	"github.com/racelab/racelab/checker/labvet/trylock"
	"github.com/racelab/racelab/checker/labvet/wakeorder"
	"github.com/racelab/racelab/checker/protocol"
)

// Finding is one problem in a student file: the judge reports findings in
// its verdict, so the type is the protocol's.
type Finding = protocol.Finding

// Analyzers returns the checks for a lab whose student edits the files
// editable (base names).
func Analyzers(editable []string) []*analysis.Analyzer {
	return []*analysis.Analyzer{
		confine.New(editable), fakesync.New(editable), fixkind.New(editable),
		copylock.Analyzer, waitgroup.Analyzer, lostcancel.Analyzer, atomic.Analyzer,
		loadstore.New(editable), splitlock.New(editable), spin.New(editable), trylock.New(editable), wakeorder.New(editable),
		addorder.New(editable), timeguess.New(editable), cancelfirst.New(editable),
	}
}

// Analysis is what the checks found in one version of a lab's program.
type Analysis struct {
	Findings []Finding      // in the editable files, sorted by place
	Counts   map[string]int // synchronising uses per kind of fix
	lines    []string       // the source line of each finding, to match it across versions
	uses     []string       // each synchronising use as kind and source line, likewise
}

// Report is what a student's change brings, compared with the shipped
// files.
type Report struct {
	Findings []Finding // confine's, and the others' that the shipped files did not have
	Kinds    []string  // kinds of fix the change uses more than the shipped files did
}

// Refused reports whether confine refused a file: it must not be built.
func (r Report) Refused() bool {
	return slices.ContainsFunc(r.Findings, func(f Finding) bool { return f.Check == "confine" })
}

// Change compares the student's version with the shipped one. A finding
// counts when the shipped version has no finding of the same check, with
// the same message, on a line that reads the same (lines move as the
// student edits). confine's findings always count: what it refuses is
// refused wherever it came from.
func Change(shipped, student *Analysis) Report {
	var r Report
	seen := map[string]int{}
	for i, f := range shipped.Findings {
		seen[key(f, shipped.lines[i])]++
	}
	for i, f := range student.Findings {
		k := key(f, student.lines[i])
		if f.Check != "confine" && seen[k] > 0 {
			seen[k]--
			continue
		}
		r.Findings = append(r.Findings, f)
	}
	// A kind is the change's when the student's files have a use of it on
	// a line the shipped files do not have (as often): a new lock, a lock
	// taken in a new order, a close added after a loop, a lock the same
	// line now reaches through a pointer where it locked a copy.
	have := map[string]int{}
	for _, u := range shipped.uses {
		have[u]++
	}
	changed := map[string]bool{}
	for _, u := range student.uses {
		if have[u] > 0 {
			have[u]--
			continue
		}
		kind, _, _ := strings.Cut(u, "\x00")
		changed[kind] = true
	}
	for _, k := range fixkind.Kinds() {
		if changed[k] {
			r.Kinds = append(r.Kinds, k)
		}
	}
	return r
}

func key(f Finding, line string) string { return f.Check + "\x00" + f.Message + "\x00" + line }

// Check analyses the program in dir with the files in student (base name →
// content) standing in for its own, and compares it with the files in
// shipped (nil: the package's own files are the shipped ones).
func Check(dir string, shipped, student map[string][]byte, editable []string) (Report, error) {
	before, err := Analyze(dir, shipped, editable)
	if err != nil {
		return Report{}, fmt.Errorf("the shipped files: %w", err)
	}
	after, err := Analyze(dir, student, editable)
	if err != nil {
		return Report{}, err
	}
	return Change(before, after), nil
}

// Analyze loads the package in dir, with the files in replace (base name →
// content) standing in for its own as an overlay of the go command's
// (nothing is copied), and runs the analyzers. Its tests are loaded only
// when the student edits one (a testing lab). An error means the package
// could not be loaded or type-checked.
func Analyze(dir string, replace map[string][]byte, editable []string) (*Analysis, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	overlay := map[string][]byte{}
	for name, data := range replace {
		overlay[filepath.Join(abs, name)] = data
	}
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedSyntax |
			packages.NeedTypes | packages.NeedTypesInfo | packages.NeedTypesSizes |
			packages.NeedImports | packages.NeedModule,
		Dir:     abs,
		Overlay: overlay,
		Tests:   editsTests(editable),
		// As the program is built: the files the checks see are the ones
		// compiled, and names that exist only with -race (runtime.RaceAcquire)
		// are seen, not a type error that skips the checks.
		BuildFlags: protocol.BuildFlags(),
	}
	pkgs, err := packages.Load(cfg, ".")
	if err != nil {
		return nil, fmt.Errorf("loading %s: %w", dir, err)
	}
	if err := loadErrors(pkgs); err != nil {
		return nil, fmt.Errorf("loading %s: %w", dir, err)
	}
	shallowDeps(pkgs)
	graph, err := checker.Analyze(Analyzers(editable), pkgs, nil)
	if err != nil {
		return nil, fmt.Errorf("analysing %s: %w", dir, err)
	}
	return collect(dir, graph, editable, func(path string) []byte {
		if data, ok := overlay[path]; ok {
			return data
		}
		data, _ := os.ReadFile(path)
		return data
	})
}

// loadErrors says what is wrong with loaded packages: ErrCompile when their
// code does not compile, a plain error when the go command failed them
// through its own fault (protocol.BuildFault), which the code cannot
// cause and the build that follows may not repeat.
func loadErrors(pkgs []*packages.Package) error {
	var all []string
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			all = append(all, e.Error())
		}
	})
	if len(all) == 0 {
		return nil
	}
	text := strings.Join(all, "\n")
	if why, fault := protocol.BuildFault(text); fault {
		return fmt.Errorf("the static checks could not load the package: %s", why)
	}
	return fmt.Errorf("%d errors: %s: %w", len(all), firstLine(text), ErrCompile)
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// editsTests reports whether the student's files include a test (a testing
// lab's).
func editsTests(editable []string) bool {
	return slices.ContainsFunc(editable, func(f string) bool { return strings.HasSuffix(f, "_test.go") })
}

// shallowDeps makes the packages the lab's package imports analysable
// with no syntax at all: lostcancel needs ctrlflow, whose facts about
// functions that never return are computed package by package, and which
// would otherwise fail on a dependency loaded from export data only. Such a
// dependency then has no facts, which can only make lostcancel quieter.
func shallowDeps(pkgs []*packages.Package) {
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if p.TypesInfo == nil {
			p.TypesInfo = &types.Info{Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}}
		}
		if p.Fset == nil {
			p.Fset = token.NewFileSet()
		}
		if p.Types == nil {
			p.Types = types.NewPackage(p.PkgPath, p.Name)
		}
		if p.Name == "" {
			p.Name = p.Types.Name()
		}
		if p.TypesSizes == nil {
			p.TypesSizes = types.SizesFor("gc", runtime.GOARCH)
		}
	})
}

// ErrCompile says the files do not compile: the build says better what is
// wrong with them than the static checks could.
var ErrCompile = fmt.Errorf("fix the compile errors first")

// collect gathers the root actions' diagnostics in the editable files and
// fixkind's counts. source reads a file's content by its path.
func collect(dir string, graph *checker.Graph, editable []string, source func(string) []byte) (*Analysis, error) {
	a := &Analysis{Counts: map[string]int{}}
	files := map[string][][]byte{}
	lineOf := func(path string, n int) string {
		lines, ok := files[path]
		if !ok {
			lines = bytes.Split(source(path), []byte("\n"))
			files[path] = lines
		}
		if n < 1 || n > len(lines) {
			return ""
		}
		return strings.TrimSpace(string(lines[n-1]))
	}
	type found struct {
		f    Finding
		line string
	}
	var all []found
	for act := range graph.All() {
		if !act.IsRoot {
			continue
		}
		if act.Err != nil {
			return nil, fmt.Errorf("analysing %s with %s: %w", dir, act.Analyzer.Name, act.Err)
		}
		if uses, ok := act.Result.(fixkind.Uses); ok {
			for _, u := range uses {
				a.Counts[u.Kind]++
				pos := act.Package.Fset.Position(u.Pos)
				a.uses = append(a.uses, u.Kind+"\x00"+strconv.FormatBool(u.Shared)+"\x00"+lineOf(pos.Filename, pos.Line))
			}
		}
		for _, d := range act.Diagnostics {
			pos := act.Package.Fset.Position(d.Pos)
			name := filepath.Base(pos.Filename)
			if len(editable) > 0 && !slices.Contains(editable, name) {
				continue // go vet's checks look at every file; only the student's are the student's
			}
			all = append(all, found{Finding{
				File: name, Line: pos.Line, Column: pos.Column,
				Check: checkName(act.Analyzer.Name), Message: d.Message,
			}, lineOf(pos.Filename, pos.Line)})
		}
	}
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i].f, all[j].f
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
	for _, x := range all {
		a.Findings = append(a.Findings, x.f)
		a.lines = append(a.lines, x.line)
	}
	return a, nil
}

// checkName is how a finding names its check: go vet's copylock analyzer is
// the copylocks check in go vet's own words.
func checkName(analyzer string) string {
	if analyzer == "copylock" {
		return "copylocks"
	}
	return analyzer
}
