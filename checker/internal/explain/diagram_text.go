package explain

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/racelab/racelab/checker/internal/i18n"
)

// The text diagram is a narrow gutter of lanes on the left, like git log
// --graph, and the words of each step beside it: the words get the rest
// of the line, so the picture reads the same at 60 columns as at 120 (a
// lane per column of text would leave a 60-column terminal 25 columns a
// lane, too few for a line of code).
const (
	laneGap     = 4  // columns from one lane to the next
	defaultCols = 80 // a terminal's width when the caller does not know it
	minText     = 28 // the narrowest column of words worth drawing
	srcIndent   = "    "
)

// Glyphs of the text diagram.
const (
	glyphLane    = '│' // a goroutine running
	glyphPending = '┆' // not started yet
	glyphEvent   = '●' // something it did, on the line beside it
	glyphStart   = '○' // it starts
	glyphEnd     = '┴' // it ends
	glyphForever = '⋮' // it never ends
	glyphMissing = '✗' // the happens-before edge a race lacks
)

// Text draws d for a terminal width columns wide (80 when 0), in lang,
// with ANSI colours when color is set.
func (d *Diagram) Text(w io.Writer, lang i18n.Lang, width int, color bool) error {
	for _, l := range laidOut(d, lang).text(width, color, "") {
		if _, err := fmt.Fprintln(w, l); err != nil {
			return err
		}
	}
	return nil
}

// text draws the layout in lines, each starting with indent and at most
// width columns wide.
func (lay *layout) text(width int, color bool, indent string) []string {
	if width <= 0 {
		width = defaultCols
	}
	n := len(lay.labels)
	gutter := (n-1)*laneGap + 1
	textCol := gutter + 3
	textW := max(width-utf8.RuneCountInString(indent)-textCol, minText)
	paint := func(style, s string) string {
		if !color || style == "" || s == "" {
			return s
		}
		return "\x1b[" + style + "m" + s + "\x1b[0m"
	}
	draw := func(segs []seg) string {
		var b strings.Builder
		for _, s := range segs {
			b.WriteString(paint(s.style, s.s))
		}
		return b.String()
	}
	// lanes is the gutter of a line of row k with every lane in its
	// state: not started, running, ended.
	lanes := func(k int) []cell {
		g := make([]cell, gutter)
		for i := range g {
			g[i] = cell{r: ' '}
		}
		for i := range n {
			switch {
			case k < lay.start[i]:
				g[i*laneGap] = cell{r: glyphPending}
			case k >= lay.end[i]:
				// ended above: nothing below its end mark
			default:
				g[i*laneGap] = cell{r: glyphLane}
			}
		}
		return g
	}
	line := func(g []cell, words string) string {
		var b strings.Builder
		b.WriteString(indent)
		for _, c := range g {
			b.WriteString(paint(c.style, string(c.r)))
		}
		if words != "" {
			b.WriteString("   ")
			b.WriteString(words)
		}
		return strings.TrimRight(b.String(), " ")
	}

	var out []string
	for _, l := range wrap([]seg{{lay.heading, styleLabel}}, width-utf8.RuneCountInString(indent), "", "") {
		out = append(out, indent+draw(l))
	}
	// The lanes' names, one a line, each above its lane.
	for k, label := range lay.labels {
		g := lanes(-1)[:k*laneGap]
		var b strings.Builder
		b.WriteString(indent)
		for _, c := range g {
			b.WriteString(string(c.r))
		}
		b.WriteString(paint(styleLabel, label))
		out = append(out, b.String())
	}
	out = append(out, line(lanes(-1), ""))

	for k, row := range lay.rows {
		first := lanes(k)
		lay.mark(first, row, k)
		// The step's words: what happened, wrapped flush (a new step
		// always starts with its place and its mark); then, deeper, the
		// line of code and how the goroutine got there.
		head := wrap(row.head, textW, "", "")
		out = append(out, line(first, draw(head[0])))
		rest := lanes(k)
		for _, l := range head[1:] {
			out = append(out, line(rest, draw(l)))
		}
		if row.src != "" {
			out = append(out, line(rest, paint(styleSource, srcIndent+cut(row.src, textW-len(srcIndent)))))
		}
		for _, n := range row.notes {
			for _, l := range n.lines(textW - len(srcIndent)) {
				out = append(out, line(rest, srcIndent+draw(l)))
			}
		}
	}
	if lay.forever != "" {
		// A leak's last row: the lanes still blocked go on for ever.
		g := lanes(len(lay.rows))
		for i, f := range lay.blocked {
			if f {
				g[i*laneGap] = cell{glyphForever, styleWait}
			}
		}
		for _, l := range wrap([]seg{{lay.forever, styleWait}}, textW, "", "") {
			out = append(out, line(g, draw(l)))
		}
	}
	return out
}

// cell is one column of the gutter.
type cell struct {
	r     rune
	style string
}

// mark draws row k's mark and edge into its first gutter line g.
func (lay *layout) mark(g []cell, row drow, k int) {
	if row.lane < 0 {
		return
	}
	at := func(lane int) int { return lane * laneGap }
	switch row.kind {
	case StepStart:
		lanes := append([]int{row.lane}, row.also...)
		if row.from >= 0 {
			// One edge from the go statement to the farthest lane it
			// started, an arrowhead into each.
			far := lanes[0]
			for _, l := range lanes {
				if abs(l-row.from) > abs(far-row.from) {
					far = l
				}
			}
			edge(g, at(row.from), at(far), '─', styleStart)
			g[at(row.from)] = cell{branch(row.from, far), styleStart}
			for _, l := range lanes {
				if l > row.from {
					g[at(l)-1] = cell{'►', styleStart}
				} else {
					g[at(l)+1] = cell{'◄', styleStart}
				}
			}
		}
		for _, l := range lanes {
			g[at(l)] = cell{glyphStart, styleStart}
		}
	case StepAccess:
		g[at(row.lane)] = cell{glyphEvent, styleAccess}
	case StepNoOrder:
		a, b := at(row.lane), at(row.to)
		if a > b {
			a, b = b, a
		}
		for c := a + 1; c < b; c++ {
			g[c] = cell{'╌', styleAccess}
		}
		g[(a+b)/2] = cell{glyphMissing, styleAccess}
		// An end already drawn above (the goroutine had finished)
		// turns the edge's end into a corner: the lane is gone.
		g[a] = cell{lay.corner(a/laneGap, k, '├', '└'), styleAccess}
		g[b] = cell{lay.corner(b/laneGap, k, '┤', '┘'), styleAccess}
	case StepEnd, StepReturn:
		g[at(row.lane)] = cell{glyphEnd, ""}
	case StepLock:
		for _, l := range append([]int{row.lane}, row.also...) {
			g[at(l)] = cell{glyphEvent, styleLock}
		}
	case StepWait:
		style := styleWait
		if row.cycle {
			style = styleAccess
		}
		g[at(row.lane)] = cell{glyphEvent, style}
		if row.to >= 0 && row.to != row.lane {
			edge(g, at(row.lane), at(row.to), '─', style)
			if row.to > row.lane {
				g[at(row.to)] = cell{'┤', style}
			} else {
				g[at(row.to)] = cell{'├', style}
			}
		}
	}
}

// edge draws a line from column a to column b, an arrowhead at b's end,
// crossing the lanes between.
func edge(g []cell, a, b int, r rune, style string) {
	step := 1
	if b < a {
		step = -1
	}
	for c := a + step; c != b; c += step {
		if g[c].r == glyphLane || g[c].r == glyphPending {
			g[c] = cell{'┼', style}
			continue
		}
		g[c] = cell{r, style}
	}
	if step > 0 {
		g[b-1] = cell{'►', style}
	} else {
		g[b+1] = cell{'◄', style}
	}
}

// branch is the glyph where an edge leaves a running lane.
func branch(from, to int) rune {
	if to > from {
		return '├'
	}
	return '┤'
}

// corner is glyph for lane's side of an edge on row k, or gone when the
// lane ended above it.
func (lay *layout) corner(lane, k int, glyph, gone rune) rune {
	if lay.end[lane] < k {
		return gone
	}
	return glyph
}

func abs(i int) int { return max(i, -i) }
