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
	// StepStart: Lane's goroutine starts, at the go statement At. From is
	// the lane that ran the go statement, -1 when it is not a lane of the
	// diagram (ByMain then says whether it was the main goroutine). To,
	// when set, is a second lane the same go statement started (a loop's
	// go statement, run twice).
	StepStart StepKind = "start"
	// StepAccess: one of the two accesses of a race.
	StepAccess StepKind = "access"
	// StepNoOrder: the happens-before edge a race lacks, between the
	// access on Lane just above and the access on To just below.
	StepNoOrder StepKind = "no-order"
	// StepEnd: Lane's goroutine had finished.
	StepEnd StepKind = "end"
	// StepLock: Lane locked Lock at At and still holds it.
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
		d.Steps = append(d.Steps, Step{Kind: StepStart, Lane: 0, From: -1, To: 1, At: a0.Created, ByMain: a0.CreatedByMain && a1.CreatedByMain})
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
		d.Steps = append(d.Steps, Step{Kind: StepStart, Lane: d.laneOf(g.ID), From: from, To: -1, At: g.Created, ByMain: g.CreatedBy == 1})
	}
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
func deadlockDiagram(p Problem) *Diagram {
	if len(p.Goroutines) < 2 && len(p.Cycle) == 0 {
		return nil // one goroutine waiting: the list says it as well
	}
	d := &Diagram{Kind: Deadlock, Title: p.Watchdog}
	goroutineLanes(d, p.Goroutines)
	for _, g := range p.Goroutines {
		for _, l := range g.Holds {
			d.Steps = append(d.Steps, Step{Kind: StepLock, Lane: d.laneOf(g.ID), From: -1, To: -1, At: l.At, Lock: l.Expr, Alias: l.Alias})
		}
	}
	for _, g := range p.Goroutines {
		d.Steps = append(d.Steps, waitStep(d, g))
	}
	for _, id := range p.Cycle {
		if i := d.laneOf(id); i >= 0 {
			d.Cycle = append(d.Cycle, i)
		}
	}
	return d
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
