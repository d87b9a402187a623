package explain

import (
	"cmp"
	"go/ast"
	"slices"
	"strings"
)

// view is a goroutine of the output seen from the student's files.
type view struct {
	g      Goroutine
	frames []frame // the student's frames, parallel to g.At and g.Calls

	// Deadlock analysis: the locks held (with the index of the student
	// frame whose function took them), the address of the lock the
	// goroutine waits for, and the addresses of the held locks, as far as
	// they are known.
	held      []heldLock
	want      uint64
	wantOK    bool
	heldAddrs []uint64
}

// view keeps the parts of a goroutine that touch the student's files. A
// goroutine with no frame there (the program package's watchdog, goleak,
// the runtime's own) is of no interest to the student: ok is false.
func (p *state) view(rg rawGoroutine) (view, bool) {
	var v view
	var places []Place
	for _, f := range rg.frames {
		if base, ok := p.src.student(f.file); ok {
			places = append(places, p.src.place(base, f.line, f.fn))
			v.frames = append(v.frames, f)
		}
	}
	if len(places) == 0 {
		return view{}, false
	}
	state, _, _ := strings.Cut(rg.state, ", ") // drop ", 2 minutes", ", locked to thread"
	v.g = Goroutine{ID: rg.id, Count: 1, State: state, At: places[0], Calls: places[1:]}
	if rg.created != nil {
		if base, ok := p.src.student(rg.created.file); ok {
			v.g.Created = p.src.place(base, rg.created.line, rg.created.fn)
			v.g.CreatedBy = rg.creator
		}
	}
	v.g.Main = isMain(rg)
	v.g.Wait = waitOf(state, rg.frames)
	p.describeWait(&v)
	return v, true
}

// isMain reports whether rg is the main goroutine: the one running
// main.main (a lab program's main hands the student's run to racelab's
// program package), which no go statement created.
func isMain(rg rawGoroutine) bool {
	for _, f := range rg.frames {
		if f.fn == "main.main" || f.fn == "runtime.main" {
			return true
		}
	}
	return rg.created == nil && rg.id == 1
}

// waitOf classifies what a goroutine is blocked on from the runtime's wait
// reason, looking at the frames when the reason is the generic semacquire.
func waitOf(state string, frames []frame) Wait {
	if slices.ContainsFunc(frames, func(f frame) bool {
		return strings.HasSuffix(f.fn, "/labs/internal/overlap.Late") || strings.HasSuffix(f.fn, "/labs/internal/overlap.(*late).wait")
	}) {
		// Blocked on the fixture's channel, not on anything of the
		// student's: what matters is who waits for it.
		return WaitLate
	}
	if slices.ContainsFunc(frames, func(f frame) bool {
		return strings.HasSuffix(f.fn, "/labs/internal/overlap.(*barrier).work") || strings.HasSuffix(f.fn, "/labs/internal/overlap.(*gathering).enter")
	}) {
		// In the fixture's slow step, waiting for the other tasks to
		// arrive: the channel it waits on is the lab's, not the student's.
		return WaitStep
	}
	switch {
	case strings.HasPrefix(state, "chan send"):
		return WaitSend
	case strings.HasPrefix(state, "chan receive"):
		return WaitReceive
	case strings.HasPrefix(state, "select"):
		return WaitSelect
	case state == "sync.Mutex.Lock", state == "sync.RWMutex.Lock":
		return WaitLock
	case state == "sync.RWMutex.RLock":
		return WaitRLock
	case state == "sync.WaitGroup.Wait":
		return WaitWaitGroup
	case state == "sync.Cond.Wait":
		return WaitCond
	case state == "sleep":
		return WaitSleep
	case state == "running", state == "runnable":
		return WaitRunning
	}
	for _, f := range frames {
		switch f.fn {
		case "sync.(*Mutex).Lock", "sync.(*RWMutex).Lock":
			return WaitLock
		case "sync.(*RWMutex).RLock":
			return WaitRLock
		case "sync.(*WaitGroup).Wait":
			return WaitWaitGroup
		case "sync.(*Cond).Wait":
			return WaitCond
		case "time.Sleep":
			return WaitSleep
		}
	}
	return WaitOther
}

// describeWait fills in what the goroutine waits on, as the source writes
// it, and how the caller names it.
func (p *state) describeWait(v *view) {
	g := &v.g
	f := p.src.file(g.At.File)
	if f == nil || f.ast == nil {
		return
	}
	var e ast.Expr
	switch g.Wait {
	case WaitSend:
		e = f.chanOp(g.At.Line, OpChanSend)
	case WaitReceive:
		e = f.chanOp(g.At.Line, OpChanReceive)
	case WaitSelect:
		g.On = strings.Join(f.selectChans(g.At.Line), ", ")
		return
	case WaitLock, WaitRLock:
		e, _ = f.lockOn(g.At.Line)
	case WaitWaitGroup, WaitCond:
		g.On = f.methodCallRecv(g.At.Line, "Wait")
		return
	}
	if e == nil {
		return
	}
	g.On = f.text(e)
	g.OnAlias = p.alias(v, 0, e)
}

// alias renames expression e, written in the function of the student frame
// k, the way that function's caller (frame k+1) names it: from.mu in
// transfer, called as transfer(a, b, 1), is a.mu. It returns "" when the
// expression does not start with a parameter or the call cannot be found.
func (p *state) alias(v *view, k int, e ast.Expr) string {
	places := append([]Place{v.g.At}, v.g.Calls...)
	if k+1 >= len(places) {
		return ""
	}
	callee, caller := places[k], places[k+1]
	f, cf := p.src.file(callee.File), p.src.file(caller.File)
	if f == nil || f.ast == nil || cf == nil || cf.ast == nil {
		return ""
	}
	r, ok := newRef(f, e)
	if !ok {
		return ""
	}
	_, _, recv, name := f.funcAt(callee.Line)
	if name == "" {
		return "" // a function literal: its caller does not pass names
	}
	i := slices.Index(f.params(callee.Line), r.root)
	if i < 0 {
		return ""
	}
	args := cf.callArgs(caller.Line, name, recv != nil)
	if i >= len(args) || args[i] == "" {
		return ""
	}
	arg := args[i]
	if strings.ContainsAny(arg, " +-*/()&") {
		arg = "(" + arg + ")"
	}
	alias := arg + strings.TrimPrefix(r.expr, r.root)
	if alias == r.expr {
		return ""
	}
	return alias
}

// leak reads goleak's report after the program's leak line.
func (p *state) leak(i int) int {
	rgs, next := parseLeak(p.ls, i)
	pr := &Problem{Kind: Leak}
	for _, rg := range rgs {
		v, ok := p.view(rg)
		if !ok {
			if f, ok := firstOutside(rg.frames); ok {
				state, _, _ := strings.Cut(rg.state, ", ")
				g := Goroutine{ID: rg.id, Count: 1, State: state, Wait: waitOf(state, rg.frames),
					At: Place{File: baseName(f.file), Line: f.line, Func: shortFunc(f.fn)}}
				pr.Elsewhere = foldGoroutine(pr.Elsewhere, g)
			}
			continue
		}
		pr.Goroutines = foldGoroutine(pr.Goroutines, v.g)
	}
	if len(pr.Goroutines) > 0 {
		pr.Elsewhere = nil // the student's own are the story
	}
	p.add(pr)
	return next
}

// foldGoroutine adds g to gs, or counts it with an identical one: a leak of
// thirty goroutines stuck on the same send is one problem.
func foldGoroutine(gs []Goroutine, g Goroutine) []Goroutine {
	k := goroutineKey(g)
	for i := range gs {
		if goroutineKey(gs[i]) == k && gs[i].WaitsFor == g.WaitsFor {
			gs[i].Count++
			return gs
		}
	}
	return append(gs, g)
}

// deadlock reads the goroutine dump after the program's deadlock line (or
// the runtime's "all goroutines are asleep"), works out which locks each
// goroutine holds and wants, and looks for a cycle.
func (p *state) deadlock(i int) int {
	pr := &Problem{Kind: Deadlock}
	if m := reWatchdog.FindStringSubmatch(p.ls[i].text); m != nil {
		pr.Watchdog = cmp.Or(m[1], m[2])
	}
	// The dump follows, after the tests still running when a test binary
	// timed out.
	j := i + 1
	for j < len(p.ls) && j <= i+10 && !reDumpHeader.MatchString(p.ls[j].text) {
		j++
	}
	rgs, next := parseDump(p.ls, j)
	if len(rgs) == 0 {
		next = i + 1
	}
	var views []view
	for _, rg := range rgs {
		if v, ok := p.view(rg); ok {
			p.holds(&v, rg)
			views = append(views, v)
		}
	}
	pr.Cycle = lockCycle(views)
	// The cycle first, in its order: it is the story; main, which only
	// waits for the others, last.
	rank := func(v view) int {
		if i := slices.Index(pr.Cycle, v.g.ID); i >= 0 {
			return i
		}
		if v.g.Main {
			return len(views) + 1
		}
		return len(views)
	}
	slices.SortStableFunc(views, func(a, b view) int { return rank(a) - rank(b) })
	for _, v := range views {
		if slices.Contains(pr.Cycle, v.g.ID) {
			pr.Goroutines = append(pr.Goroutines, v.g)
			continue
		}
		pr.Goroutines = foldGoroutine(pr.Goroutines, v.g)
	}
	p.add(pr)
	return next
}

// holds fills in the locks a goroutine holds (from the source of each of
// its student frames) and, for a goroutine waiting on a lock, the address
// it waits for and the addresses of the locks it holds, when the traceback
// gives them away.
func (p *state) holds(v *view, rg rawGoroutine) {
	places := append([]Place{v.g.At}, v.g.Calls...)
	for k, pl := range places {
		f := p.src.file(pl.File)
		if f == nil || f.ast == nil {
			continue
		}
		for _, h := range f.heldAt(pl.Line) {
			v.g.Holds = append(v.g.Holds, Lock{Expr: f.text(h.recv), Alias: p.alias(v, k, h.recv), At: p.src.place(pl.File, h.line, v.frames[k].fn)})
			v.held = append(v.held, heldLock{k: k, recv: h.recv})
		}
	}
	if v.g.Wait != WaitLock && v.g.Wait != WaitRLock {
		return
	}
	v.want, v.wantOK = wantedAddr(rg.frames)
	f := p.src.file(v.g.At.File)
	if f == nil || f.ast == nil {
		return
	}
	wantExpr, ok := f.lockOn(v.g.At.Line)
	if !ok {
		return
	}
	want := frameExpr{f: f, line: v.g.At.Line, args: v.frames[0].args, e: wantExpr}
	for i, h := range v.held {
		pl := places[h.k]
		hf := p.src.file(pl.File)
		held := frameExpr{f: hf, line: pl.Line, args: v.frames[h.k].args, e: h.recv}
		again := v.g.Holds[i]
		a, ok := heldAddr(want, held, v.want)
		switch {
		case ok && v.wantOK:
			v.heldAddrs = append(v.heldAddrs, a)
			if a == v.want {
				v.g.Again = &again
			}
		case sameLock(f, v.g.At.Line, wantExpr, hf, pl.Line, h.recv, h.k, v.g.OnAlias):
			// The same mutex again, whether or not the traceback
			// gives its address away.
			v.g.Again = &again
			if v.wantOK {
				v.heldAddrs = append(v.heldAddrs, v.want)
			}
		}
	}
}

// sameLock reports whether the lock a goroutine waits for, want on line n
// of f, is the lock held, taken on line hn of hf in the function of the
// student frame k, by their names: the same expression in the same
// function, the same package-level mutex anywhere, or, one call up, the
// expression the caller writes for it (alias: want as the caller names it,
// "" when the caller names it the same).
func sameLock(f *srcFile, n int, want ast.Expr, hf *srcFile, hn int, held ast.Expr, k int, alias string) bool {
	if hf == nil || hf.ast == nil {
		return false
	}
	w, h := f.text(want), hf.text(held)
	if w == "" || h == "" {
		return false
	}
	switch {
	case k == 0:
		return w == h
	case w == h && f.packageVar(want, n) && hf.packageVar(held, hn):
		return true
	case k == 1:
		return h == cmp.Or(alias, w) && !f.packageVar(want, n)
	}
	return false
}

// heldLock is a lock a goroutine holds: taken in the function of student
// frame k.
type heldLock struct {
	k    int
	recv ast.Expr
}

// frameExpr is an expression in the function of one stack frame, with the
// argument words the traceback printed for that frame.
type frameExpr struct {
	f    *srcFile
	line int
	args string
	e    ast.Expr
}

// base returns the expression's root parameter's value and the rest of the
// expression (the field path): c.mu in Value(c *Counter) called with
// 0xc0001 gives 0xc0001 and ".mu".
func (x frameExpr) base() (uint64, string, bool) {
	if x.f == nil || x.f.ast == nil {
		return 0, "", false
	}
	r, ok := newRef(x.f, x.e)
	if !ok {
		return 0, "", false
	}
	i := slices.Index(x.f.params(x.line), r.root)
	words := splitArgs(x.args)
	if i < 0 || i >= len(words) {
		return 0, "", false
	}
	v, ok := word(words[i])
	return v, strings.TrimPrefix(r.expr, r.root), ok
}

// heldAddr works out the address of a held lock from the address of the
// wanted one, when both are the same field path from a pointer parameter:
// in transfer(from, to *Account), waiting for to.mu at address W while
// holding from.mu, from.mu is at from + (W - to). The same works across
// frames: Add(c) holding c.mu calls Value(c) waiting for c.mu.
func heldAddr(want, held frameExpr, wantAddr uint64) (uint64, bool) {
	wbase, wpath, ok1 := want.base()
	hbase, hpath, ok2 := held.base()
	if !ok1 || !ok2 || wpath != hpath || wantAddr < wbase {
		return 0, false
	}
	return hbase + (wantAddr - wbase), true
}

// wantedAddr returns the address of the mutex a goroutine blocks on, from
// the sync package's frames. The outermost frame with a certain value is
// the mutex the student's code named.
func wantedAddr(frames []frame) (uint64, bool) {
	var addr uint64
	found := false
	for _, f := range frames {
		switch f.fn {
		case "sync.(*Mutex).Lock", "sync.(*RWMutex).Lock", "sync.(*RWMutex).RLock",
			"internal/sync.(*Mutex).Lock", "internal/sync.(*Mutex).lockSlow", "sync.(*Mutex).lockSlow":
			if args := splitArgs(f.args); len(args) > 0 {
				if a, ok := word(args[0]); ok {
					addr, found = a, true
				}
			}
		}
	}
	return addr, found
}

// lockCycle decides, for each goroutine waiting on a lock, which goroutine
// holds that lock, and returns the first cycle of such waits. Addresses
// decide when the traceback shows them; failing that, two goroutines that
// each hold a lock and each wait for a different one are taken to wait
// for each other, the classic lock-order deadlock.
func lockCycle(views []view) []int {
	owner := map[uint64]int{}
	for _, v := range views {
		for _, a := range v.heldAddrs {
			owner[a] = v.g.ID
		}
	}
	var waiters []int
	for i := range views {
		v := &views[i]
		if v.g.Wait != WaitLock && v.g.Wait != WaitRLock {
			continue
		}
		waiters = append(waiters, i)
		switch {
		case v.g.Again != nil:
			v.g.WaitsFor = v.g.ID // it waits for itself
		case v.wantOK:
			v.g.WaitsFor = owner[v.want]
		}
	}
	if len(waiters) == 2 {
		a, b := &views[waiters[0]], &views[waiters[1]]
		if a.g.WaitsFor == 0 && b.g.WaitsFor == 0 && len(a.g.Holds) > 0 && len(b.g.Holds) > 0 &&
			a.wantOK && b.wantOK && a.want != b.want {
			a.g.WaitsFor, b.g.WaitsFor = b.g.ID, a.g.ID
		}
	}
	next := map[int]int{}
	for _, v := range views {
		if v.g.WaitsFor != 0 {
			next[v.g.ID] = v.g.WaitsFor
		}
	}
	for _, v := range views {
		var path []int
		for cur := v.g.ID; cur != 0; cur = next[cur] {
			if i := slices.Index(path, cur); i >= 0 {
				return path[i:]
			}
			path = append(path, cur)
		}
	}
	return nil
}

// crash reads a panic or fatal error and the traceback after it: the
// first goroutine printed is the one that crashed.
func (p *state) crash(i int, kind Kind, msg string, fatal bool) int {
	msg, _, _ = strings.Cut(msg, " [recovered")
	pr := &Problem{Kind: kind, Message: msg, Fatal: fatal}
	j := i + 1
	for j < len(p.ls) && j <= i+10 && !reDumpHeader.MatchString(p.ls[j].text) {
		j++
	}
	rgs, next := parseDump(p.ls, j)
	if len(rgs) == 0 {
		next = i + 1
	}
	if len(rgs) > 0 {
		if v, ok := p.view(rgs[0]); ok {
			g := v.g
			g.Wait, g.On, g.OnAlias = WaitRunning, "", ""
			if f := p.src.file(g.At.File); f != nil && f.ast != nil {
				var e ast.Expr
				switch {
				case kind == ConcurrentMap:
					e = f.mapOperand(g.At.Line, strings.Contains(msg, "writes"))
				case strings.Contains(msg, "send on closed channel"):
					e = f.chanOp(g.At.Line, OpChanSend)
				case strings.Contains(msg, "close of"):
					e = f.chanOp(g.At.Line, OpChanClose)
				}
				if e != nil {
					g.On = f.text(e)
				}
			}
			pr.Goroutines = []Goroutine{g}
			pr.At = g.At
		}
	}
	p.add(pr)
	return next
}
