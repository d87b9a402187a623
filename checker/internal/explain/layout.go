package explain

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/racelab/racelab/checker/internal/i18n"
)

// A layout is a diagram put into words in one language, row by row: what
// Text and SVG both draw, so that the terminal and the report say the
// same thing.
type layout struct {
	lang    i18n.Lang
	kind    Kind
	title   string   // the problem, as the explanation's title says it
	heading string   // how to read the picture
	labels  []string // one per lane
	rows    []drow
	cycle   string // deadlock: the cycle, goroutine by goroutine ("" when none)

	// Each lane's life: the row of its start mark (-1: it runs from the
	// top) and of its end mark (len(rows): it runs to the bottom).
	start, end []int
	// Leak: the last row's words, and the lanes still blocked there, for
	// ever.
	forever string
	blocked []bool
}

// drow is one step of a diagram: a mark on a lane, perhaps an edge to
// another lane, and its words beside it.
type drow struct {
	kind  StepKind
	lane  int   // the lane of the mark; -1 for a row with no mark
	also  []int // start, lock: the other lanes the row's mark is on
	from  int   // start: the lane whose go statement it is; -1
	to    int   // wait: the lane holding the lock; no-order: the later access's lane; -1
	cycle bool  // wait: an edge of the deadlock cycle
	head  []seg
	src   string // the source line of the place, if any
	notes []note
}

// note is a line under a step: how the goroutine got there ("called at
// file:line"), with that line's code.
type note struct {
	head []seg
	src  string
}

// lines is the note in at most width columns: on one line when it fits,
// else the code on a line of its own, shortened if need be (a line of code
// wrapped reads as two).
func (n note) lines(width int) [][]seg {
	if n.src == "" {
		return wrap(n.head, width, "", "  ")
	}
	one := append(append([]seg{}, n.head...), seg{":", ""}, seg{" " + n.src, styleSource})
	if visible(plain(one)) <= width {
		return [][]seg{one}
	}
	out := wrap(append(append([]seg{}, n.head...), seg{":", ""}), width, "", "  ")
	return append(out, []seg{{"  " + cut(n.src, width-2), styleSource}})
}

// seg is a run of text in one style: one of the ANSI styles of render.go,
// which SVG turns into a class.
type seg struct {
	s     string
	style string
}

// Styles of the diagram's own marks.
const (
	styleAccess = "1;31" // bold red: the conflicting accesses, the missing edge, the cycle
	styleStart  = "32"   // green: a goroutine starting
	styleWait   = "33"   // yellow: blocked
	styleLock   = "35"   // magenta: a lock held
)

// laidOut puts d into words in language lang.
func laidOut(d *Diagram, lang i18n.Lang) *layout {
	r := &renderer{l: lang}
	lay := &layout{lang: lang, kind: d.Kind}
	n := len(d.Lanes)
	who := func(i int) string {
		if i < 0 || i >= n {
			return r.t(i18n.SomeGoroutine)
		}
		l := d.Lanes[i]
		return r.who(l.Main, l.Goroutine)
	}
	// many adds "(and 8 more goroutines just like it)" to a sentence
	// about a lane of several goroutines.
	many := func(i int, s string) string {
		if i >= 0 && i < n && d.Lanes[i].Count > 1 {
			s += " " + r.t(i18n.LikeOthers, d.Lanes[i].Count-1)
		}
		return s
	}
	// count is how many goroutines lanes stand for.
	count := func(lanes []int) int {
		n := 0
		for _, i := range lanes {
			n += max(d.Lanes[i].Count, 1)
		}
		return n
	}
	for _, l := range d.Lanes {
		label := r.t(i18n.WhoN, l.Goroutine)
		switch {
		case l.Main:
			label = r.t(i18n.DiagramLaneMain)
		case l.Count > 1:
			label = r.t(i18n.DiagramLaneMany, label, l.Count-1)
		}
		lay.labels = append(lay.labels, label)
	}
	switch d.Kind {
	case Race:
		lay.heading = r.t(i18n.DiagramRaceHeading)
		if d.Title != "" {
			lay.title = r.t(i18n.RaceTitle, d.Title)
		} else {
			lay.title = r.t(i18n.RaceTitleNoVar)
		}
	case Deadlock:
		lay.heading = r.t(i18n.DiagramWaitHeading)
		for _, s := range d.Steps {
			if s.Kind == StepLock {
				lay.heading = r.t(i18n.DiagramDeadlockHeading)
			}
		}
		lay.title = r.t(i18n.DeadlockTitle)
		if d.Title != "" {
			lay.title = r.t(i18n.DeadlockTitleWatchdog, d.Title)
		}
		switch {
		case len(d.Cycle) == 1:
			lay.cycle = r.t(i18n.DeadlockSelf, who(d.Cycle[0]))
		case len(d.Cycle) > 1:
			var names []string
			for k, i := range append(d.Cycle, d.Cycle[0]) {
				names = append(names, who(i))
				if k < len(d.Cycle) && d.Lanes[i].Count > 1 {
					names = append(names, "…") // the lane's other goroutines, in turn
				}
			}
			lay.cycle = r.t(i18n.DeadlockCycle, chain(names))
		}
	case Leak:
		lay.heading = r.t(i18n.DiagramLeakHeading)
		lay.title = r.t(i18n.LeakTitle)
	}

	inCycle := func(lane int) bool {
		for _, c := range d.Cycle {
			if c == lane {
				return true
			}
		}
		return false
	}
	for _, s := range d.Steps {
		row := drow{kind: s.Kind, lane: s.Lane, also: s.Also, from: -1, to: -1, src: s.At.Source}
		var desc string
		switch s.Kind {
		case StepStart:
			creator := r.t(i18n.WhoMain)
			if s.From >= 0 {
				creator = who(s.From)
				row.from = s.From
			}
			lanes := append([]int{s.Lane}, s.Also...)
			switch {
			case len(lanes) > 1 && (s.From >= 0 || s.ByMain):
				desc = r.t(i18n.DiagramStartsAll, creator, count(lanes))
			case len(lanes) > 1:
				desc = r.t(i18n.DiagramStartAll, count(lanes))
			case s.From >= 0 || s.ByMain:
				desc = many(s.Lane, r.t(i18n.DiagramStarts, creator, who(s.Lane)))
			default:
				desc = many(s.Lane, r.t(i18n.DiagramStart, who(s.Lane)))
			}
		case StepAccess:
			a := Access{Write: s.Write, Op: s.Op}
			desc = r.t(accessKey(a), who(s.Lane), r.orVar(s.Var)) + r.inFunc(s.At)
		case StepNoOrder:
			row.to = s.To
			desc = r.t(i18n.DiagramNoOrder)
		case StepEnd:
			desc = r.t(i18n.DiagramFinished, who(s.Lane))
		case StepLock:
			name := s.Lock
			if s.Alias != "" {
				name += " (= " + s.Alias + ")"
			}
			if len(s.Also) > 0 {
				desc = r.t(i18n.DiagramLocksEach, name) + r.inFunc(s.At)
			} else {
				desc = many(s.Lane, r.t(i18n.DiagramLocks, who(s.Lane), name)+r.inFunc(s.At))
			}
		case StepWait:
			g := Goroutine{Wait: s.Wait, On: s.On, OnAlias: s.Alias, State: s.State}
			desc = many(s.Lane, r.waitDesc(g, who(s.Lane))+r.inFunc(s.At))
			switch {
			case s.To >= 0 && s.To == s.Lane:
				desc += ": " + r.t(i18n.DiagramHeldBySelf)
				row.to = s.To
				row.cycle = inCycle(s.Lane)
			case s.To >= 0 && s.Chain:
				desc += "; " + r.t(i18n.DiagramHeldByNext, who(s.To))
				row.to = s.To
				row.cycle = inCycle(s.Lane) && inCycle(s.To)
			case s.To >= 0:
				desc += "; " + r.t(i18n.HeldBy, who(s.To))
				row.to = s.To
				row.cycle = inCycle(s.Lane) && inCycle(s.To)
			}
		case StepReturn:
			desc = r.t(i18n.DiagramReturns)
		}
		switch {
		case s.Kind == StepNoOrder:
			row.head = []seg{{desc, styleAccess}} // the point of the picture
		case !s.At.IsZero():
			row.head = []seg{{s.At.String(), stylePlace}, {"  " + desc, ""}}
		default:
			row.head = []seg{{desc, ""}}
		}
		for _, c := range s.Calls {
			row.notes = append(row.notes, note{styled(r.t(i18n.CalledAt, c.String()), c.String(), stylePlace), c.Source})
		}
		sameNote := func(a, b note) bool { return a.src == b.src && slices.Equal(a.head, b.head) }
		if n := len(lay.rows); n > 0 && lay.rows[n-1].kind == row.kind && slices.EqualFunc(lay.rows[n-1].notes, row.notes, sameNote) {
			// How the goroutine got there, as the row above said for
			// its own: a ring of accounts all call transfer alike.
			row.notes = nil
		}
		lay.rows = append(lay.rows, row)
	}

	lay.start = make([]int, n)
	lay.end = make([]int, n)
	lay.blocked = make([]bool, n)
	for i := range n {
		lay.start[i], lay.end[i] = -1, len(lay.rows)
	}
	for k, row := range lay.rows {
		switch row.kind {
		case StepStart:
			lay.start[row.lane] = k
			for _, a := range row.also {
				lay.start[a] = k
			}
		case StepEnd, StepReturn:
			lay.end[row.lane] = k
		}
	}
	if d.Kind == Leak {
		lay.forever = r.t(i18n.DiagramForever)
		for i, l := range d.Lanes {
			lay.blocked[i] = !l.Main && lay.end[i] == len(lay.rows)
		}
	}
	return lay
}

// desc is the layout in sentences, for the SVG's description: what a
// screen reader says instead of the picture.
func (lay *layout) desc() string {
	var b strings.Builder
	b.WriteString(lay.heading)
	for _, row := range lay.rows {
		b.WriteString(" ")
		b.WriteString(plain(row.head))
		if row.src != "" {
			b.WriteString(" (" + row.src + ")")
		}
		for _, n := range row.notes {
			b.WriteString(", " + plain(n.head))
			if n.src != "" {
				b.WriteString(": " + n.src)
			}
		}
		b.WriteString(".")
	}
	return b.String()
}

// styled is text with the first occurrence of part in style: a place
// inside a translated sentence, wherever the language puts it.
func styled(text, part, style string) []seg {
	i := strings.Index(text, part)
	if i < 0 || part == "" {
		return []seg{{text, ""}}
	}
	out := []seg{{text[:i], ""}, {part, style}, {text[i+len(part):], ""}}
	return slices.DeleteFunc(out, func(s seg) bool { return s.s == "" })
}

func plain(segs []seg) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(s.s)
	}
	return b.String()
}

// wrap breaks segs into lines of at most width runes, at spaces: the
// first line after first, the others after rest. A word longer than a line
// keeps its line to itself rather than being cut.
func wrap(segs []seg, width int, first, rest string) [][]seg {
	type word struct {
		s, style string
		space    int // spaces before it on the same line
	}
	var words []word
	space := 0
	for _, sg := range segs {
		for i, w := range strings.Split(sg.s, " ") {
			if i > 0 {
				space++
			}
			if w == "" {
				continue
			}
			words = append(words, word{w, sg.style, space})
			space = 0
		}
	}
	var lines [][]seg
	cur := []seg{{first, ""}}
	used, empty := visible(first), true
	for _, w := range words {
		n := visible(w.s)
		switch {
		case empty:
			cur = appendSeg(cur, seg{w.s, w.style})
			used += n
		case used+w.space+n <= width:
			// A space between two words of one style takes it: a
			// painted phrase stays one escape sequence.
			space := strings.Repeat(" ", w.space)
			if last := &cur[len(cur)-1]; last.style == w.style {
				last.s += space + w.s
			} else {
				cur = appendSeg(cur, seg{space, ""})
				cur = appendSeg(cur, seg{w.s, w.style})
			}
			used += w.space + n
		default:
			lines = append(lines, cur)
			cur = []seg{{rest, ""}, {w.s, w.style}}
			used = visible(rest) + n
		}
		empty = false
	}
	return append(lines, cur)
}

// visible is how many columns s takes on a terminal: its runes, without
// the ANSI colour sequences (ESC [ ... m) a caller may have painted it
// with.
func visible(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '[' {
			j := strings.IndexByte(s[i:], 'm')
			if j < 0 {
				break
			}
			i += j + 1
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		n++
	}
	return n
}

// appendSeg adds s to segs, merged into the last one when they share a
// style, so that a line is a few escape sequences rather than one a word.
func appendSeg(segs []seg, s seg) []seg {
	if n := len(segs); n > 0 && (segs[n-1].style == s.style || strings.TrimSpace(s.s) == "" && segs[n-1].style == "") {
		segs[n-1].s += s.s
		return segs
	}
	return append(segs, s)
}

// cut shortens s to width runes, marking the cut: a source line is never
// wrapped (a wrapped line of code reads as two), and file:line says where
// the rest is.
func cut(s string, width int) string {
	if utf8.RuneCountInString(s) <= width {
		return s
	}
	rs := []rune(s)
	return string(rs[:max(width-1, 1)]) + "…"
}
