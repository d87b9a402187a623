package explain

import (
	"go/ast"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

var (
	// reAccess matches the header of one access in a race report:
	// "Read at 0x... by goroutine 7:", "Previous write at 0x... by main
	// goroutine:" (and the atomic and sized variants).
	reAccess = regexp.MustCompile(`(?i)^(previous )?(?:atomic )?(read|write)\b.*? at 0x[0-9a-f]+ by (main goroutine|goroutine (\d+)):$`)
	// reRaceCreated matches "Goroutine 7 (running) created at:".
	reRaceCreated = regexp.MustCompile(`^Goroutine (\d+) \((\w+)\) created at:$`)
	// reGlobal matches "Location is global 'pkg.x' of size 8 at 0x...".
	reGlobal = regexp.MustCompile(`^Location is global '([^']+)'`)
)

// race reads one race report, from the line after "WARNING: DATA RACE" to
// the closing row of "=".
func (p *state) race(i int) int {
	type section struct {
		write  bool
		id     int
		main   bool
		frames []frame
	}
	var secs []section
	created := map[int][]frame{}
	finished := map[int]bool{}
	byMain := map[int]bool{}
	global := ""
	ls := p.ls
loop:
	for i < len(ls) {
		t := ls[i].text
		switch {
		case strings.HasPrefix(t, "=================="):
			i++
			break loop
		case reAccess.MatchString(t):
			m := reAccess.FindStringSubmatch(t)
			s := section{write: strings.EqualFold(m[2], "write"), main: m[3] == "main goroutine"}
			s.id, _ = strconv.Atoi(m[4])
			s.frames, i = parseFrames(ls, i+1)
			secs = append(secs, s)
		case reRaceCreated.MatchString(t):
			m := reRaceCreated.FindStringSubmatch(t)
			id, _ := strconv.Atoi(m[1])
			finished[id] = m[2] == "finished"
			created[id], i = parseFrames(ls, i+1)
			byMain[id] = slices.ContainsFunc(created[id], func(f frame) bool { return f.fn == "main.main" })
		case reGlobal.MatchString(t):
			global = shortFunc(reGlobal.FindStringSubmatch(t)[1])
			i++
		case strings.HasPrefix(t, "[failed to restore the stack]"):
			i++
		default:
			break loop
		}
	}
	if len(secs) == 0 {
		return i
	}
	pr := &Problem{Kind: Race}
	for _, s := range secs {
		a := Access{Write: s.write, Goroutine: s.id, Main: s.main, Finished: finished[s.id], Op: opOf(s.frames)}
		if places := p.src.studentPlaces(s.frames); len(places) > 0 {
			a.At, a.Calls = places[0], places[1:]
		} else if f, ok := firstOutside(s.frames); ok {
			// Not in the student's files at all (a fixture, say):
			// still say where, without source.
			a.At = Place{File: baseName(f.file), Line: f.line, Func: shortFunc(f.fn)}
		}
		if places := p.src.studentPlaces(created[s.id]); len(places) > 0 {
			a.Created = places[0]
			a.CreatedByMain = byMain[s.id]
		}
		pr.Accesses = append(pr.Accesses, a)
	}
	if waitGroupRace(secs[0].frames, secs[len(secs)-1].frames, secs[0].write, secs[len(secs)-1].write) && len(secs) == 2 {
		for j := range pr.Accesses {
			pr.Accesses[j].Op = OpWaitGroupAdd
			if pr.Accesses[j].Write {
				pr.Accesses[j].Op = OpWaitGroupWait
			}
		}
	}
	p.nameVars(pr.Accesses, global)
	p.add(pr)
	return i
}

// waitGroupRace reports whether a race's two stacks are sync.WaitGroup's
// own annotations: Add's first increment is modelled as a read and a Wait
// that blocks as a write, so a read against a write, each made by the race
// runtime itself (runtime.raceread, runtime.racewrite: no instrumented
// line of the program, as sync is not instrumented), is an Add that ran
// while Wait already waited: the Add inside the goroutine it counts. The
// standard library's only other such annotations (iter.Pull) are writes
// on both sides.
func waitGroupRace(a, b []frame, aWrite, bWrite bool) bool {
	annotated := func(fs []frame, fn string) bool { return len(fs) > 0 && fs[0].fn == fn }
	if aWrite == bWrite {
		return false
	}
	if aWrite {
		a, b = b, a
	}
	return annotated(a, "runtime.raceread") && annotated(b, "runtime.racewrite")
}

// opOf names the operation the runtime frames on top of an access stack
// show: a channel or map operation rather than a plain read or write.
func opOf(frames []frame) Op {
	for _, f := range frames {
		fn := f.fn
		if !strings.HasPrefix(fn, "runtime.") && !strings.HasPrefix(fn, "internal/runtime/") {
			break
		}
		fn = strings.TrimPrefix(fn, "runtime.")
		switch {
		case strings.HasPrefix(fn, "chansend"), strings.HasPrefix(fn, "selectnbsend"):
			return OpChanSend
		case strings.HasPrefix(fn, "chanrecv"), strings.HasPrefix(fn, "selectnbrecv"):
			return OpChanReceive
		case strings.HasPrefix(fn, "closechan"):
			return OpChanClose
		case strings.HasPrefix(fn, "mapassign"):
			return OpMapWrite
		case strings.HasPrefix(fn, "mapaccess"), strings.HasPrefix(fn, "mapiter"):
			return OpMapRead
		case strings.HasPrefix(fn, "mapdelete"), strings.HasPrefix(fn, "mapclear"):
			return OpMapDelete
		}
	}
	return OpPlain
}

// firstOutside returns the first frame outside the runtime, the standard
// library's internals and racelab's machinery.
func firstOutside(frames []frame) (frame, bool) {
	for _, f := range frames {
		if !hidden(f) {
			return f, true
		}
	}
	return frame{}, false
}

// hidden reports whether a frame belongs to the machinery a student never
// needs to see: the runtime, the sync package, racelab's program and
// overlap packages (labs/internal), the fixture's main, which only hands
// run to them, and, in a judge's own output, testing, testscript and
// goleak.
func hidden(f frame) bool {
	fn := f.fn
	if fn == "main.main" {
		return true
	}
	for _, prefix := range []string{
		"runtime.", "internal/", "testing.", "sync.", "sync/atomic.",
		"github.com/rogpeppe/go-internal/", "go.uber.org/goleak", "github.com/racelab/racelab/labs/internal/",
	} {
		if strings.HasPrefix(fn, prefix) {
			return true
		}
	}
	return strings.Contains(f.file, "/labs/internal/") || strings.HasSuffix(f.file, "_testmain.go") ||
		strings.HasSuffix(f.file, "_test.go")
}

// nameVars names the variable each access touched. A line often mentions
// several (total += x reads x too), so the two accesses are matched
// against each other: they touched the same memory, so the name they share
// is the one. The race detector's "Location is global" line, when present,
// settles it.
func (p *state) nameVars(accs []Access, global string) {
	type cands struct {
		refs  []ref
		exact bool // the operation itself names the variable
	}
	cs := make([]cands, len(accs))
	for i, a := range accs {
		f := p.src.file(a.At.File)
		if a.At.Source == "" || f == nil || f.ast == nil {
			continue
		}
		var exact []ast.Expr
		switch a.Op {
		case OpChanSend, OpChanReceive, OpChanClose:
			if e := f.chanOp(a.At.Line, a.Op); e != nil {
				exact = append(exact, e)
			}
		case OpMapRead, OpMapWrite, OpMapDelete:
			if e := f.mapOperand(a.At.Line, a.Op != OpMapRead); e != nil {
				exact = append(exact, e)
			}
		default:
			if a.Write {
				exact = f.writeTargets(a.At.Line)
			}
		}
		for _, e := range exact {
			if r, ok := newRef(f, e); ok {
				cs[i].refs = append(cs[i].refs, r)
			}
		}
		cs[i].exact = len(cs[i].refs) > 0
		if !cs[i].exact {
			cs[i].refs = f.refsOn(a.At.Line)
		}
	}

	if global != "" {
		for i := range accs {
			accs[i].Var = global
			for _, r := range cs[i].refs {
				if r.root == global {
					accs[i].Var = r.expr
					break
				}
			}
		}
		return
	}
	if len(accs) == 2 {
		if a, b, ok := matchRefs(cs[0].refs, cs[1].refs); ok {
			accs[0].Var, accs[1].Var = a.expr, b.expr
			return
		}
	}
	for i := range accs {
		if cs[i].exact && len(cs[i].refs) == 1 {
			accs[i].Var = cs[i].refs[0].expr
		}
	}
}

// matchRefs finds the pair of expressions, one from each access's line,
// that plausibly name the same memory: the same field, or the same
// variable. The refs of an access whose operation names its variable
// (an assignment's left side, a channel operand) come alone, so they win.
func matchRefs(as, bs []ref) (ref, ref, bool) {
	same := func(x, y ref) bool {
		if x.field != "" && y.field != "" {
			return x.field == y.field
		}
		return x.root == y.root
	}
	var found []([2]ref)
	for _, a := range as {
		for _, b := range bs {
			if same(a, b) {
				found = append(found, [2]ref{a, b})
			}
		}
	}
	if len(found) == 0 {
		return ref{}, ref{}, false
	}
	// Prefer the pair whose expressions agree most: the same field on
	// both sides beats a shared root alone.
	best := found[0]
	for _, f := range found {
		if f[0].field != "" && f[0].field == f[1].field && best[0].field == "" {
			best = f
		}
	}
	return best[0], best[1], true
}
