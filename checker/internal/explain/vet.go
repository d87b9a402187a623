package explain

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// The concurrency checks of go vet that labvet runs: each catches a wrong
// fix a class really writes, at the exact line, in go vet's terse words.
// Here they are read into what the student needs: which value, which
// WaitGroup, which cancel function, and why that is wrong.

// The go vet checks racelab explains, by their analyzers' names.
const (
	vetCopyLocks  = "copylocks"
	vetWaitGroup  = "waitgroup"
	vetLostCancel = "lostcancel"
	vetAtomic     = "atomic"
	// vetLoadStore is labvet's own check of the same family: an atomic
	// Load whose value a separate Store, Swap or lone CompareAndSwap
	// writes back, or a decision on a Load after a discarded Add.
	vetLoadStore = "loadstore"
	// vetSplitLock is its counterpart for a lock: a value read under it
	// and written back under a later, separate hold.
	vetSplitLock = "splitlock"
	// vetSpin is labvet's check of a loop that waits by checking again
	// and again instead of blocking.
	vetSpin = "spin"
	// vetWakeOrder is labvet's check of a Cond's Signal or Broadcast made
	// before the change it announces.
	vetWakeOrder = "wakeorder"
	// vetTryLock is labvet's check of a TryLock whose failure skips the
	// work.
	vetTryLock = "trylock"
	// vetAddOrder is labvet's check of an Add after the go statement it
	// counts.
	vetAddOrder = "addorder"
	// vetTimeGuess is labvet's check of a wait a timer ends as if
	// everything had come.
	vetTimeGuess = "timeguess"
	// vetCancelFirst is labvet's check of a goroutine that cancels the
	// others before it hands on its error.
	vetCancelFirst = "cancelfirst"
)

var (
	reVetWaitGroup  = regexp.MustCompile(`^WaitGroup\.Add called from inside new goroutine`)
	reVetCopyLocks  = regexp.MustCompile(`copies lock|passes lock by value`)
	reVetLostCancel = regexp.MustCompile(`cancel function|context leak|without using the \S+ var`)
	reVetAtomic     = regexp.MustCompile(`^direct assignment to atomic value`)
	// reWakeOrder reads labvet's wakeorder finding: the wake-up and the
	// write it comes before.
	// reTimeGuess reads labvet's timeguess finding: the timer and the
	// channel whose wait it ends.
	reTimeGuess = regexp.MustCompile(`^when (.+) fires, the wait for (.+) ends as if everything had come`)
	// reCancelFirst reads labvet's cancelfirst finding: the cancel and the
	// error handed on after it.
	reCancelFirst = regexp.MustCompile(`^(\S+)\(\) comes before (\S+) is handed on`)
	reAddOrder    = regexp.MustCompile(`^(\S+)\.Add comes after the go statement whose goroutine it counts`)
	reTryLock     = regexp.MustCompile(`^(\S+\.Try(?:R)?Lock)\(\) skips the work whenever another goroutine holds the lock`)
	reWakeOrder   = regexp.MustCompile(`^(\S+)\(\) comes before the change it announces \((.+), made under the lock after it\)`)
	// reLoadStore reads labvet's loadstore finding: the variable, how it
	// is written back, and the line of the Load its value was computed
	// from; reAddLoad its decision after a discarded Add: the variable and
	// the Add's line.
	reLoadStore = regexp.MustCompile(`^(\S+) (stores|swaps in|compare-and-swaps, with no retry,) a value computed from \S+'s Load on line (\d+)`)
	reAddLoad   = regexp.MustCompile(`^(\S+) decides on a Load made after its Add on line (\d+)`)
	// reSplitLock reads labvet's splitlock finding: the place written, the
	// lock, and the line of the read under its earlier hold.
	reSplitLock = regexp.MustCompile(`^(.+?) is written from its value read under (\S+) on line (\d+)`)
	// reCheckActLock and reCheckActAtomic read the check-then-act
	// findings: the place written, the lock (or how the atomic writes it)
	// and the line of the test.
	reCheckActLock = regexp.MustCompile(`^(.+?) is tested under (\S+) on line (\d+) and written here`)
	// reTornRead reads splitlock's torn read: two places read under one
	// lock in two of its critical sections and returned together.
	reTornRead       = regexp.MustCompile(`^(.+?) and (.+?) are read under (\S+) in two separate critical sections \(lines (\d+) and (\d+)\)`)
	reCheckActAtomic = regexp.MustCompile(`^(\S+) is (stored|swapped) after a check of its Load on line (\d+)`)
	checkActWrites   = map[string]string{"stored": "Store", "swapped": "Swap"}
	// loadStoreWrites names each of reLoadStore's ways by its method.
	loadStoreWrites = map[string]string{"stores": "Store", "swaps in": "Swap", "compare-and-swaps, with no retry,": "CompareAndSwap"}
	// labvet's spin findings: a loop that polls a condition (what it
	// checks), one that retries a lock (the call), a select whose default
	// sends its loop straight round, and one whose timer does.
	reSpinPoll   = regexp.MustCompile(`^this loop polls (.+?): nothing in it blocks`)
	reSpinLock   = regexp.MustCompile(`^this loop retries (.+?) until it gets the lock`)
	reSpinSelect = regexp.MustCompile(`^the default case lets the loop around this select come straight back`)
	// reSpinTick reads the timer's case of a select that only looks again
	// (the timer, as the code writes it).
	reSpinTick = regexp.MustCompile(`^the (.+?) case lets the loop around this select come back only to look again`)

	// copylocks' messages: how the line copies, into what, and the chain
	// of types from the value copied down to the lock ("T contains
	// sync.Mutex").
	reCopy = []struct {
		how CopyHow
		re  *regexp.Regexp
	}{
		{CopyParam, regexp.MustCompile(`^(\S+) passes lock by value: (.+)$`)},
		{CopyAssign, regexp.MustCompile(`^(?:assignment|variable declaration|for loop iteration) copies lock value to (.+?): (.+)$`)},
		{CopyRange, regexp.MustCompile(`^range var (.+?) copies lock: (.+)$`)},
		{CopyCall, regexp.MustCompile(`^call of (.+?) copies lock value: (.+)$`)},
		{CopyReturn, regexp.MustCompile(`^return copies lock value: (.+)$`)},
		{CopyLiteral, regexp.MustCompile(`^literal copies lock value from (.+?): (.+)$`)},
	}
	// reLostCancel reads lostcancel's messages: the constructor whose
	// cancel function was thrown away, the variable not used on every
	// path, and the line that defined it.
	reCancelDiscarded = regexp.MustCompile(`returned by context\.(\w+) should be called, not discarded`)
	reCancelPaths     = regexp.MustCompile(`^the (\w+) function is not used on all paths`)
	reCancelReturn    = regexp.MustCompile(`without using the (\w+) var defined on line (\d+)`)
	// rePkgPath is the package path go vet puts before a type's name.
	rePkgPath = regexp.MustCompile(`((?:[\w.-]+/)*)([\w-]+)\.`)
)

// vetCheck recognises a go vet finding by its words, for the judge's log,
// which does not name the analyzer.
func vetCheck(msg string) string {
	switch {
	case reVetWaitGroup.MatchString(msg):
		return vetWaitGroup
	case reVetCopyLocks.MatchString(msg):
		return vetCopyLocks
	case reVetLostCancel.MatchString(msg):
		return vetLostCancel
	case reVetAtomic.MatchString(msg):
		return vetAtomic
	case reLoadStore.MatchString(msg), reAddLoad.MatchString(msg), reCheckActAtomic.MatchString(msg):
		return vetLoadStore
	case reSplitLock.MatchString(msg), reCheckActLock.MatchString(msg), reTornRead.MatchString(msg):
		return vetSplitLock
	case reSpinPoll.MatchString(msg), reSpinLock.MatchString(msg), reSpinSelect.MatchString(msg), reSpinTick.MatchString(msg):
		return vetSpin
	case reWakeOrder.MatchString(msg):
		return vetWakeOrder
	case reTryLock.MatchString(msg):
		return vetTryLock
	case reAddOrder.MatchString(msg):
		return vetAddOrder
	case reTimeGuess.MatchString(msg):
		return vetTimeGuess
	case reCancelFirst.MatchString(msg):
		return vetCancelFirst
	}
	return ""
}

// CopyHow is how a line copies a value that holds a lock.
type CopyHow string

// The ways copylocks reports a copy.
const (
	CopyParam   CopyHow = "param"   // a function takes it (or its receiver) by value
	CopyAssign  CopyHow = "assign"  // an assignment or declaration copies it into a variable
	CopyRange   CopyHow = "range"   // a range loop's variable is a copy of each element
	CopyCall    CopyHow = "call"    // a call gets a copy as an argument
	CopyReturn  CopyHow = "return"  // a return hands back a copy
	CopyLiteral CopyHow = "literal" // a composite literal copies it in
	CopyOther   CopyHow = "other"
)

// Copy is a copylocks finding, decoded: how the line copies (Into: the
// function, variable or call concerned), the type of the value copied and
// the lock inside it, as the student's code names them (Account,
// sync.Mutex).
type Copy struct {
	How  CopyHow
	Into string
	Type string
	Lock string
}

// vet fills in a go vet finding's details from its message and the line
// it is about.
func (p *state) vet(pr *Problem) {
	f := p.src.file(pr.At.File)
	switch pr.StaticCheck {
	case vetWaitGroup:
		if f != nil && f.ast != nil {
			pr.Var = f.methodCallRecv(pr.At.Line, "Add")
		}
	case vetCopyLocks:
		pr.Copy = readCopy(pr.Message, p.src.prog)
	case vetLostCancel:
		switch {
		case reCancelDiscarded.MatchString(pr.Message):
			pr.Call = "context." + reCancelDiscarded.FindStringSubmatch(pr.Message)[1]
		case reCancelPaths.MatchString(pr.Message):
			pr.Var = reCancelPaths.FindStringSubmatch(pr.Message)[1]
		case reCancelReturn.MatchString(pr.Message):
			m := reCancelReturn.FindStringSubmatch(pr.Message)
			pr.Var, pr.Call = m[1], m[2] // the line it was defined on
		}
	case vetAtomic:
		if f != nil && f.ast != nil {
			if ts := f.writeTargets(pr.At.Line); len(ts) > 0 {
				pr.Var = f.text(ts[0])
			}
		}
	case vetLoadStore:
		if m := reLoadStore.FindStringSubmatch(pr.Message); m != nil {
			n, _ := strconv.Atoi(m[3])
			pr.Var, pr.Call, pr.Cause = m[1], loadStoreWrites[m[2]], p.src.place(pr.At.File, n, "")
		} else if m := reAddLoad.FindStringSubmatch(pr.Message); m != nil {
			n, _ := strconv.Atoi(m[2])
			pr.Var, pr.Call, pr.Cause = m[1], "Add", p.src.place(pr.At.File, n, "")
		} else if m := reCheckActAtomic.FindStringSubmatch(pr.Message); m != nil {
			n, _ := strconv.Atoi(m[3])
			pr.Var, pr.Call, pr.Cause, pr.CheckThenAct = m[1], checkActWrites[m[2]], p.src.place(pr.At.File, n, ""), true
		}
	case vetSplitLock:
		if m := reSplitLock.FindStringSubmatch(pr.Message); m != nil {
			n, _ := strconv.Atoi(m[3])
			pr.Var, pr.Call, pr.Cause = m[1], m[2], p.src.place(pr.At.File, n, "")
		} else if m := reCheckActLock.FindStringSubmatch(pr.Message); m != nil {
			n, _ := strconv.Atoi(m[3])
			pr.Var, pr.Call, pr.Cause, pr.CheckThenAct = m[1], m[2], p.src.place(pr.At.File, n, ""), true
		} else if m := reTornRead.FindStringSubmatch(pr.Message); m != nil {
			pr.Var, pr.Var2, pr.Call, pr.Torn = m[1], m[2], m[3], true
		}
	case vetSpin:
		if m := reSpinPoll.FindStringSubmatch(pr.Message); m != nil {
			pr.Var = m[1]
		}
		if m := reSpinLock.FindStringSubmatch(pr.Message); m != nil {
			pr.Call = m[1]
		}
		pr.SpinSelect = reSpinSelect.MatchString(pr.Message)
		if m := reSpinTick.FindStringSubmatch(pr.Message); m != nil {
			pr.SpinTick = m[1]
		}
	case vetWakeOrder:
		if m := reWakeOrder.FindStringSubmatch(pr.Message); m != nil {
			pr.Call, pr.Var = m[1], m[2]
		}
	case vetTryLock:
		if m := reTryLock.FindStringSubmatch(pr.Message); m != nil {
			pr.Call = m[1]
		}
	case vetAddOrder:
		if m := reAddOrder.FindStringSubmatch(pr.Message); m != nil {
			pr.Var = m[1]
		}
	case vetTimeGuess:
		if m := reTimeGuess.FindStringSubmatch(pr.Message); m != nil {
			pr.Call, pr.Var = m[1], m[2]
		}
	case vetCancelFirst:
		if m := reCancelFirst.FindStringSubmatch(pr.Message); m != nil {
			pr.Call, pr.Var = m[1], m[2]
		}
	}
}

// readCopy decodes a copylocks message about the program in the folder
// prog.
func readCopy(msg, prog string) *Copy {
	c := &Copy{How: CopyOther}
	path := msg
	for _, r := range reCopy {
		m := r.re.FindStringSubmatch(msg)
		if m == nil {
			continue
		}
		c.How = r.how
		if len(m) == 3 {
			c.Into, path = m[1], m[2]
		} else {
			path = m[1]
		}
		break
	}
	if _, rest, ok := strings.Cut(msg, ": "); ok && c.How == CopyOther {
		path = rest
	}
	types := strings.Split(path, " contains ")
	// go vet follows the value down to a type with Lock and Unlock
	// methods, which in a WaitGroup or an atomic is a noCopy: a field of
	// theirs the student never sees. Name the outermost type of sync or
	// sync/atomic instead, the one the student's code wrote.
	lock := len(types) - 1
	for i, t := range types {
		if isSyncType(strings.TrimSpace(t)) {
			lock = i
			break
		}
	}
	for i, t := range types {
		types[i] = shortType(t, prog)
	}
	c.Type, c.Lock = types[0], types[lock]
	if c.How == CopyParam && c.Into == "func" {
		c.Into = "" // a function literal: no name to give
	}
	return c
}

// isSyncType reports whether t, as go vet names it (with its package's
// path), is an exported type of sync or sync/atomic.
func isSyncType(t string) bool {
	for _, pkg := range []string{"sync.", "sync/atomic."} {
		if name, ok := strings.CutPrefix(t, pkg); ok {
			return name != "" && unicode.IsUpper(rune(name[0]))
		}
	}
	return false
}

// CopyKind is what the copied value's lock is for, which decides what the
// copy breaks.
type CopyKind int

// The kinds of lock a copy can hold.
const (
	CopyMutex     CopyKind = iota // a mutex (or anything else): the copies lock apart
	CopyWaitGroup                 // Done on a copy never reaches the WaitGroup waited on
	CopyAtomic                    // updates to a copy never reach the original
)

// Kind says what c's lock is for.
func (c *Copy) Kind() CopyKind {
	switch {
	case c.Lock == "sync.WaitGroup":
		return CopyWaitGroup
	case strings.HasPrefix(c.Lock, "atomic."):
		return CopyAtomic
	}
	return CopyMutex
}

// shortType names a type as the student's code does: a type of the
// program's own package (whose path ends in its folder, prog, and whose
// name is main) goes by its bare name, Account, and one of another package
// by the package's name, sync.Mutex, never its path.
func shortType(t, prog string) string {
	return strings.TrimSpace(rePkgPath.ReplaceAllStringFunc(t, func(m string) string {
		sm := rePkgPath.FindStringSubmatch(m)
		if sm[2] == "main" || sm[1] != "" && sm[2] == prog {
			return ""
		}
		return sm[2] + "."
	}))
}

// blame ties a data race to the go vet finding it follows from, so that
// the race points at the line to change and the finding is not told a
// second time: a wg.Add inside the goroutine it counts (Wait returned
// before the goroutine was counted: any race of the run follows from it),
// or an atomic function's result assigned back to the variable it updated
// (a plain write: the race on that variable follows from it).
func blame(ps []*Problem) []*Problem {
	var out []*Problem
	for _, f := range ps {
		if f.Kind != Static || f.StaticCheck != vetWaitGroup && f.StaticCheck != vetAtomic {
			out = append(out, f)
			continue
		}
		blamed := false
		for _, p := range ps {
			if p.Kind != Race || !p.Cause.IsZero() || f.StaticCheck == vetAtomic && (f.Var == "" || p.Var != f.Var) {
				continue
			}
			p.Cause, p.CauseCheck = f.At, f.StaticCheck
			if f.StaticCheck == vetWaitGroup {
				p.Call = f.Var
			}
			advise(p)
			blamed = true
		}
		if !blamed {
			out = append(out, f)
		}
	}
	return out
}
