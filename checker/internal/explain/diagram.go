package explain

import (
	"slices"

	"github.com/racelab/racelab/checker/internal/i18n"
)

// A Diagram draws a race, a deadlock or a leak the way the course draws
// them on the board: each goroutine a lane, what it did on the student's
// lines as steps down its lane, and the edges between lanes (a go
// statement that starts a goroutine, the happens-before a race lacks, the
// lock a goroutine waits for and who holds it).
//
// It is plain data, without words: Text draws it for a terminal and SVG
// for a web page, each in the language asked for. It is kept in a
// gradebook (gradebook.LabResult), so that a report written later (or
// merged from shards) draws the same picture the grader saw: hence the
// JSON names.
type Diagram struct {
	Kind  Kind   `json:"kind"`           // Race, Deadlock or Leak
	Title string `json:"title"`          // what the diagram is of, for its caption: the race's variable, the deadlock's watchdog time
	Lanes []Lane `json:"lanes"`          // left to right
	Steps []Step `json:"steps"`          // top to bottom
	Cycle []int  `json:"cycle,omitzero"` // deadlock: the lanes of the lock cycle, in order (each waits for the next)
	// Lang is the language of the feedback the diagram belongs to, when
	// the grader keeps it with a verdict; Text and SVG take theirs as an
	// argument and ignore it.
	Lang i18n.Lang `json:"lang,omitempty"`
}

// Lane is one goroutine, or a group of goroutines stuck alike.
type Lane struct {
	Goroutine int  `json:"goroutine,omitempty"` // its number; 0 when the report does not give it
	Main      bool `json:"main,omitempty"`
	Count     int  `json:"count,omitempty"` // how many goroutines the lane stands for, when more than one
}

// StepKind is what a step shows.
type StepKind string

// The steps of a diagram. To is another lane the step points at, -1 when
// none; its meaning depends on the kind.
const (
	// StepStart: Lane's goroutine starts (and Also's: one go statement
	// in a loop), at the go statement At. From is the lane that ran the
	// go statement, -1 when it is not a lane of the diagram (ByMain then
	// says whether it was the main goroutine).
	StepStart StepKind = "start"
	// StepAccess: one of the two accesses of a race.
	StepAccess StepKind = "access"
	// StepNoOrder: the happens-before edge a race lacks, between the
	// access on Lane just above and the access on To just below.
	StepNoOrder StepKind = "no-order"
	// StepEnd: Lane's goroutine had finished.
	StepEnd StepKind = "end"
	// StepLock: Lane locked Lock at At and still holds it; so did Also's
	// goroutines, each its own (they all hold one at once).
	StepLock StepKind = "lock"
	// StepWait: Lane is blocked at At on On. To is the lane that holds the
	// lock it waits for (Lane itself when it holds it), -1 when unknown.
	StepWait StepKind = "wait"
	// StepReturn: the main goroutine returned from run while the other
	// lanes were still blocked (a leak).
	StepReturn StepKind = "return"
)

// Step is one event of a diagram.
type Step struct {
	Kind   StepKind `json:"kind"`
	Lane   int      `json:"lane"`
	Also   []int    `json:"also,omitempty"` // other lanes the same step happened on, alike
	From   int      `json:"from"`
	To     int      `json:"to"`
	ByMain bool     `json:"by_main,omitempty"`
	At     Place    `json:"at,omitzero"`
	Calls  []Place  `json:"calls,omitempty"` // the student's frames that led to At, innermost first

	// Access.
	Write bool   `json:"write,omitempty"`
	Op    Op     `json:"op,omitempty"`
	Var   string `json:"var,omitempty"`
	// Lock.
	Lock  string `json:"lock,omitempty"`
	Alias string `json:"alias,omitempty"` // Lock or On as the caller names it, when different
	// Wait.
	Wait  Wait   `json:"wait,omitempty"`
	On    string `json:"on,omitempty"`
	State string `json:"state,omitempty"`
	// Chain: Lane's goroutines wait each for the lock the next one
	// holds, and the last for the one To holds (a cycle's middle, folded).
	Chain bool `json:"chain,omitempty"`
}

// maxLanes is the most lanes a diagram draws. A problem with more
// goroutine groups is listed instead: five lanes already take a third of a
// 60-column terminal.
const maxLanes = 5

// DiagramOf draws p, when it is a race with both accesses, a deadlock or a
// leak, and there is something to draw: false otherwise (the explanation
// then lists the places instead).
func DiagramOf(p Problem) (*Diagram, bool) {
	var d *Diagram
	switch p.Kind {
	case Race:
		d = raceDiagram(p)
	case Deadlock:
		d = deadlockDiagram(p)
	case Leak:
		d = leakDiagram(p)
	}
	if d == nil || len(d.Lanes) > maxLanes {
		return nil, false
	}
	return d, true
}

// raceDiagram draws the two accesses in the order they happened. The race
// detector reports the access that found the race first and the earlier
// one ("Previous write at ...") second; nothing ordered them, so between
// them is the missing happens-before edge. The main goroutine, when it is
// one of the two, is the left lane, as on the board.
func raceDiagram(p Problem) *Diagram {
	if len(p.Accesses) != 2 {
		return nil
	}
	later, earlier := p.Accesses[0], p.Accesses[1]
	if later.At.IsZero() || earlier.At.IsZero() || later.Goroutine == earlier.Goroutine && later.Main == earlier.Main {
		return nil
	}
	d := &Diagram{Kind: Race, Title: p.Var}
	accs := []Access{earlier, later} // by lane
	if later.Main {
		accs = []Access{later, earlier}
	}
	for _, a := range accs {
		d.Lanes = append(d.Lanes, Lane{Goroutine: a.Goroutine, Main: a.Main})
	}
	lane := func(a Access) int {
		if a.Goroutine == accs[0].Goroutine && a.Main == accs[0].Main {
			return 0
		}
		return 1
	}
	mainLane := slices.IndexFunc(accs, func(a Access) bool { return a.Main })

	// Where each goroutine started: once, when one go statement started
	// both.
	a0, a1 := accs[0], accs[1]
	if !a0.Main && !a1.Main && !a0.Created.IsZero() && a0.Created == a1.Created {
		d.Steps = append(d.Steps, Step{Kind: StepStart, Lane: 0, Also: []int{1}, From: -1, To: -1, At: a0.Created, ByMain: a0.CreatedByMain && a1.CreatedByMain})
	} else {
		for i, a := range accs {
			if a.Main || a.Created.IsZero() {
				continue
			}
			from := -1
			if a.CreatedByMain && mainLane >= 0 {
				from = mainLane
			}
			d.Steps = append(d.Steps, Step{Kind: StepStart, Lane: i, From: from, To: -1, At: a.Created, ByMain: a.CreatedByMain})
		}
	}
	access := func(a Access) Step {
		return Step{Kind: StepAccess, Lane: lane(a), From: -1, To: -1, At: a.At, Calls: calls(a.Calls), Write: a.Write, Op: a.Op, Var: a.Var}
	}
	d.Steps = append(d.Steps, access(earlier))
	if earlier.Finished {
		d.Steps = append(d.Steps, Step{Kind: StepEnd, Lane: lane(earlier), From: -1, To: -1})
	}
	d.Steps = append(d.Steps,
		Step{Kind: StepNoOrder, Lane: lane(earlier), From: -1, To: lane(later)},
		access(later))
	return d
}

// goroutineLanes makes a lane of each goroutine group, the main goroutine
// first (it starts the others: their go statements' edges then all point
// the same way), and the steps that start them.
func goroutineLanes(d *Diagram, gs []Goroutine) {
	for _, g := range gs {
		if g.Main {
			d.Lanes = append(d.Lanes, Lane{Goroutine: g.ID, Main: true})
		}
	}
	for _, g := range gs {
		if !g.Main {
			d.Lanes = append(d.Lanes, Lane{Goroutine: g.ID, Count: max(g.Count, 1)})
		}
	}
	for i, l := range d.Lanes {
		if l.Count == 1 {
			d.Lanes[i].Count = 0
		}
	}
	for _, g := range gs {
		if g.Main || g.Created.IsZero() {
			continue
		}
		from := -1
		if g.CreatedBy != 0 {
			from = d.laneOf(g.CreatedBy)
		}
		d.Steps = appendAlike(d.Steps, Step{Kind: StepStart, Lane: d.laneOf(g.ID), From: from, To: -1, At: g.Created, ByMain: g.CreatedBy == 1})
	}
}

// appendAlike adds s to steps, or to the last step as another of its
// lanes when it is the same thing at the same place: one go statement in
// a loop starting many goroutines, or many goroutines each locking their
// own account's mutex on the same line. One row says it once.
func appendAlike(steps []Step, s Step) []Step {
	if n := len(steps); n > 0 {
		last := &steps[n-1]
		if last.Kind == s.Kind && last.At == s.At && last.From == s.From && last.ByMain == s.ByMain &&
			last.Lock == s.Lock && last.Alias == s.Alias && (s.Kind == StepStart || s.Kind == StepLock) {
			last.Also = append(last.Also, s.Lane)
			return steps
		}
	}
	return append(steps, s)
}

// laneOf is the lane of goroutine id, -1 when it has none.
func (d *Diagram) laneOf(id int) int {
	return slices.IndexFunc(d.Lanes, func(l Lane) bool { return l.Goroutine == id })
}

func waitStep(d *Diagram, g Goroutine) Step {
	s := Step{Kind: StepWait, Lane: d.laneOf(g.ID), From: -1, To: -1, At: g.At, Calls: calls(g.Calls), Wait: g.Wait, On: g.On, Alias: g.OnAlias, State: g.State}
	if g.WaitsFor != 0 {
		s.To = d.laneOf(g.WaitsFor)
	}
	return s
}

// deadlockDiagram draws who holds which lock and who waits for it: every
// lane's locks first (all of them were taken before anyone blocked), then
// where each waits, with an edge to the lane holding what it wants.
//
// A long cycle of goroutines alike (accounts in a ring, each paying the
// next) keeps its first two and its last goroutine as lanes, and the ones
// between as one lane: the ring is still seen closing, in five lanes.
func deadlockDiagram(p Problem) *Diagram {
	if len(p.Goroutines) < 2 && len(p.Cycle) == 0 {
		return nil // one goroutine waiting: the list says it as well
	}
	d := &Diagram{Kind: Deadlock, Title: p.Watchdog}
	gs, folded := foldCycle(p)
	goroutineLanes(d, gs)
	for _, g := range gs {
		for _, l := range g.Holds {
			d.Steps = appendAlike(d.Steps, Step{Kind: StepLock, Lane: d.laneOf(g.ID), From: -1, To: -1, At: l.At, Lock: l.Expr, Alias: l.Alias})
		}
	}
	for _, g := range gs {
		s := waitStep(d, g)
		if last, ok := folded[g.ID]; ok {
			s.Chain = true
			s.To = d.laneOf(last)
		}
		d.Steps = append(d.Steps, s)
	}
	for _, id := range p.Cycle {
		i := d.laneOf(id)
		if i >= 0 && (len(d.Cycle) == 0 || d.Cycle[len(d.Cycle)-1] != i) {
			d.Cycle = append(d.Cycle, i)
		}
	}
	return d
}

// foldCycle returns p's goroutines with the middle of a long lock cycle
// folded into its first goroutine, counted, when those goroutines are
// stuck alike; folded maps that goroutine to the one its last waits for.
func foldCycle(p Problem) (gs []Goroutine, folded map[int]int) {
	const keep = 3 // the first two of the cycle and its last
	if len(p.Cycle) <= keep+1 {
		return p.Goroutines, nil
	}
	byID := map[int]Goroutine{}
	for _, g := range p.Goroutines {
		byID[g.ID] = g
	}
	mid := p.Cycle[2 : len(p.Cycle)-1]
	first, ok := byID[mid[0]]
	if !ok {
		return p.Goroutines, nil
	}
	inMid := map[int]bool{}
	for _, id := range mid {
		g, ok := byID[id]
		if !ok || goroutineKey(g) != goroutineKey(first) || !slices.EqualFunc(g.Holds, first.Holds, func(a, b Lock) bool { return a.At == b.At && a.Expr == b.Expr }) {
			return p.Goroutines, nil
		}
		inMid[id] = true
	}
	for _, g := range p.Goroutines {
		switch {
		case g.ID == first.ID:
			g.Count = len(mid)
			g.Holds = first.Holds
			if len(g.Holds) > 0 {
				g.Holds = []Lock{{Expr: first.Holds[0].Expr, At: first.Holds[0].At}} // each holds its own: no one alias
			}
			g.OnAlias = ""
			gs = append(gs, g)
		case !inMid[g.ID]:
			gs = append(gs, g)
		}
	}
	return gs, map[int]int{first.ID: p.Cycle[len(p.Cycle)-1]}
}

// leakDiagram draws where each leaked goroutine is blocked when the main
// goroutine returns from run: its lane ends, theirs go on for ever.
func leakDiagram(p Problem) *Diagram {
	if len(p.Goroutines) == 0 {
		return nil
	}
	d := &Diagram{Kind: Leak}
	// goleak lists only the goroutines left behind; the main goroutine,
	// which started them and returned, is goroutine 1.
	gs := append([]Goroutine{{ID: 1, Main: true}}, p.Goroutines...)
	goroutineLanes(d, gs)
	for _, g := range p.Goroutines {
		d.Steps = append(d.Steps, waitStep(d, g))
	}
	d.Steps = append(d.Steps, Step{Kind: StepReturn, Lane: 0, From: -1, To: -1})
	return d
}

// calls is cs, or nil when empty: a diagram comes back from JSON the same.
func calls(cs []Place) []Place {
	if len(cs) == 0 {
		return nil
	}
	return cs
}
