package explain

import (
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/racelab/racelab/checker/internal/i18n"
)

// The SVG diagram is the text diagram's layout drawn with shapes: the
// same lanes in a gutter on the left, the same words beside them, so that
// a student who saw one in make lab recognises it in the report. It is
// one self-contained <svg> element: no script, nothing fetched, its own
// background and colours for a light and a dark page, a <title> and a
// <desc> a screen reader reads instead of the picture. It goes into an
// HTML page as it is (the report's feedback) or into a file of its own.
const (
	svgFont    = 13.0 // px, of every word
	svgLine    = 18.0 // px from one line of words to the next
	svgPad     = 16.0 // px around the picture
	svgGap     = 40.0 // px from one lane to the next
	svgDot     = 5.0  // px, the radius of a mark
	svgRowGap  = 6.0  // px between two steps
	svgWrap    = 88   // characters of a line of words
	svgCharPx  = 0.62 * svgFont
	svgTitlePx = 15.0
)

// svgStyle colours the diagram, for a light page and for a dark one. The
// colours are GitHub's Primer palette, whose pairs keep a contrast of at
// least 4.5:1 on their background; every rule is scoped to the diagram's
// class, since a <style> inside an inline <svg> applies to the whole page.
const svgStyle = `.rl-diagram{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;font-size:13px}
.rl-diagram .code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono","Liberation Mono",monospace}
.rl-diagram .bg{fill:#ffffff;stroke:#d1d9e0}
.rl-diagram text{fill:#1f2328}
.rl-diagram .title{font-size:15px;font-weight:600}
.rl-diagram .muted,.rl-diagram .src{fill:#59636e}
.rl-diagram .place{fill:#0550ae;font-weight:600}
.rl-diagram .label{font-weight:600}
.rl-diagram .lane{stroke:#818b98;stroke-width:2;fill:none}
.rl-diagram .pending{stroke:#818b98;stroke-width:2;stroke-dasharray:2 4;fill:none}
.rl-diagram .race{stroke:#cf222e;fill:#cf222e}
.rl-diagram .start{stroke:#1a7f37;fill:#1a7f37}
.rl-diagram .wait{stroke:#9a6700;fill:#9a6700}
.rl-diagram .lock{stroke:#8250df;fill:#8250df}
.rl-diagram .end{stroke:#59636e;fill:#59636e}
.rl-diagram .hollow{fill:#ffffff;stroke-width:2}
.rl-diagram .edge{stroke-width:2;fill:none}
.rl-diagram .dashed{stroke-dasharray:5 4}
.rl-diagram .t-race{fill:#cf222e;font-weight:600}
.rl-diagram .t-start{fill:#1a7f37}
.rl-diagram .t-wait{fill:#9a6700}
.rl-diagram .t-lock{fill:#8250df}
@media (prefers-color-scheme:dark){
.rl-diagram .bg{fill:#0d1117;stroke:#3d444d}
.rl-diagram text{fill:#e6edf3}
.rl-diagram .muted,.rl-diagram .src{fill:#9198a1}
.rl-diagram .place{fill:#79c0ff}
.rl-diagram .lane,.rl-diagram .pending{stroke:#9198a1}
.rl-diagram .race{stroke:#ff7b72;fill:#ff7b72}
.rl-diagram .start{stroke:#3fb950;fill:#3fb950}
.rl-diagram .wait{stroke:#d29922;fill:#d29922}
.rl-diagram .lock{stroke:#d2a8ff;fill:#d2a8ff}
.rl-diagram .end{stroke:#9198a1;fill:#9198a1}
.rl-diagram .hollow{fill:#0d1117}
.rl-diagram .t-race{fill:#ff7b72}
.rl-diagram .t-start{fill:#3fb950}
.rl-diagram .t-wait{fill:#d29922}
.rl-diagram .t-lock{fill:#d2a8ff}
}`

// svgClass names the CSS class of an ANSI style.
var svgClass = map[string]string{
	stylePlace:  "place code",
	styleSource: "src code",
	styleLabel:  "label",
	styleAccess: "t-race",
	styleStart:  "t-start",
	styleWait:   "t-wait",
	styleLock:   "t-lock",
}

// SVG draws d in lang as an SVG image. id names the image within a page
// (its <title> and <desc> are id-title and id-desc): each diagram on a
// page needs its own. Everything the student's files put into it (lines
// of code, names) is escaped: the image is safe to put into a page as it
// is.
func (d *Diagram) SVG(lang i18n.Lang, id string) []byte {
	return laidOut(d, lang).svg(svgID(id))
}

// svgID makes id a valid, unique-looking XML id: letters, digits, - and _,
// starting with a letter.
func svgID(id string) string {
	var b strings.Builder
	b.WriteString("rl-")
	for _, r := range id {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	return b.String()
}

// svgLine is one line of words at a position.
type svgText struct {
	x, y  float64
	segs  []seg
	class string
}

func (lay *layout) svg(id string) []byte {
	n := len(lay.labels)
	laneX := func(i int) float64 { return svgPad + 10 + float64(i)*svgGap }
	textX := laneX(n-1) + 22
	var texts []svgText
	var shapes strings.Builder
	y := svgPad + svgTitlePx

	texts = append(texts, svgText{x: svgPad, y: y, segs: []seg{{lay.title, ""}}, class: "title"})
	y += svgLine + 2
	for _, l := range wrap([]seg{{lay.heading, ""}}, svgWrap, "", "") {
		texts = append(texts, svgText{x: svgPad, y: y, segs: l, class: "muted"})
		y += svgLine
	}
	y += 4
	// The lanes' names, one a line, each lane starting under its own:
	// the names of the lanes to the right pass over none of them.
	tops := make([]float64, n)
	for k, label := range lay.labels {
		texts = append(texts, svgText{x: laneX(k) - 5, y: y, segs: []seg{{label, styleLabel}}})
		tops[k] = y + 5
		y += svgLine
	}

	type mark struct {
		row int
		y   float64 // the centre of the row's mark
	}
	var marks []mark
	y += 4
	for k, row := range lay.rows {
		my := y - svgFont*0.35
		marks = append(marks, mark{k, my})
		head := wrap(row.head, svgWrap, "", "")
		for _, l := range head {
			texts = append(texts, svgText{x: textX, y: y, segs: l})
			y += svgLine
		}
		if row.src != "" {
			texts = append(texts, svgText{x: textX + 24, y: y, segs: []seg{{cut(row.src, svgWrap-4), styleSource}}})
			y += svgLine
		}
		for _, n := range row.notes {
			for i, l := range n.lines(svgWrap - 4) {
				x := textX + 24
				if i > 0 {
					x += 16 // the rest of the note, under its start
				}
				texts = append(texts, svgText{x: x, y: y, segs: trimSpace(l)})
				y += svgLine
			}
		}
		y += svgRowGap
	}
	// y is where the next line of words would sit: the lanes that run to
	// the end stop under the last step's words.
	bottom := y - svgLine - svgRowGap + 6
	dotsAt := 0.0
	if lay.forever != "" {
		// A leak's blocked lanes run on, dotted, past the words that say
		// so, and off into three dots.
		for _, l := range wrap([]seg{{lay.forever, styleWait}}, svgWrap, "", "") {
			texts = append(texts, svgText{x: textX, y: y, segs: l})
			y += svgLine
		}
		dotsAt = y - svgLine + 6
		y += 18
	}
	if lay.cycle != "" {
		y += 4
		for _, l := range wrap([]seg{{lay.cycle, styleAccess}}, svgWrap+12, "", "") {
			texts = append(texts, svgText{x: svgPad, y: y, segs: l})
			y += svgLine
		}
	}
	height := y - svgLine + 5 + svgPad
	width := 0.0
	for _, t := range texts {
		px := svgCharPx
		if t.class == "title" {
			px = svgCharPx * svgTitlePx / svgFont
		}
		width = max(width, t.x+float64(visible(plain(t.segs)))*px)
	}
	width += svgPad

	// The lanes: dotted before the goroutine starts, solid while it
	// runs, nothing once it ended; a blocked lane of a leak runs off the
	// bottom, dotted.
	markY := func(k int) float64 {
		if k < 0 {
			return 0 // not used: a lane from the top starts at its name
		}
		if k >= len(marks) {
			return bottom
		}
		return marks[k].y
	}
	for i := range n {
		x := laneX(i)
		start, end := lay.start[i], lay.end[i]
		from := tops[i]
		if start >= 0 {
			svgPath(&shapes, "pending", x, from, x, markY(start))
			from = markY(start)
		}
		svgPath(&shapes, "lane", x, from, x, markY(end))
		if lay.blocked[i] {
			svgPath(&shapes, "pending", x, bottom, x, dotsAt)
		}
	}
	for _, m := range marks {
		lay.svgMark(&shapes, m.row, markY, laneX)
	}
	if lay.forever != "" {
		for i, b := range lay.blocked {
			if b {
				for j := range 3 {
					fmt.Fprintf(&shapes, `<circle class="wait" cx="%s" cy="%s" r="1.6"/>`, num(laneX(i)), num(dotsAt+5+float64(j)*5))
				}
			}
		}
	}

	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="rl-diagram" id="%s" lang="%s" width="%s" height="%s" viewBox="0 0 %s %s" role="img" aria-labelledby="%s-title %s-desc">`,
		id, lay.lang, num(width), num(height), num(width), num(height), id, id)
	fmt.Fprintf(&b, `<title id="%s-title">%s</title>`, id, esc(lay.title))
	fmt.Fprintf(&b, `<desc id="%s-desc">%s</desc>`, id, esc(lay.desc()))
	b.WriteString("<style>" + svgStyle + "</style>")
	fmt.Fprintf(&b, `<rect class="bg" x="0.5" y="0.5" width="%s" height="%s" rx="8"/>`, num(width-1), num(height-1))
	b.WriteString(`<g aria-hidden="true">`)
	b.WriteString(shapes.String())
	b.WriteString(`</g>`)
	for _, t := range texts {
		class := t.class
		if class == "" && len(t.segs) == 1 {
			class, t.segs = svgClass[t.segs[0].style], []seg{{t.segs[0].s, ""}}
		}
		fmt.Fprintf(&b, `<text x="%s" y="%s"`, num(t.x), num(t.y))
		if class != "" {
			fmt.Fprintf(&b, ` class="%s"`, class)
		}
		b.WriteString(">")
		for i, s := range t.segs {
			// Spaces between words of different styles are kept in
			// the segment they belong to; XML collapses a run of them
			// into one, which is what a reader expects anyway.
			if s.style == "" {
				b.WriteString(esc(s.s))
				continue
			}
			if i > 0 && strings.HasPrefix(s.s, " ") {
				b.WriteString(" ")
			}
			fmt.Fprintf(&b, `<tspan class="%s">%s</tspan>`, svgClass[s.style], esc(strings.TrimLeft(s.s, " ")))
		}
		b.WriteString("</text>")
	}
	b.WriteString("</svg>\n")
	return []byte(b.String())
}

// svgMark draws row k's mark and its edge.
func (lay *layout) svgMark(b *strings.Builder, k int, rowY func(int) float64, laneX func(int) float64) {
	row := lay.rows[k]
	if row.lane < 0 {
		return
	}
	x, y := laneX(row.lane), rowY(k)
	dot := func(class string, x float64) {
		fmt.Fprintf(b, `<circle class="%s" cx="%s" cy="%s" r="%s"/>`, class, num(x), num(y), num(svgDot))
	}
	ring := func(class string, x float64) {
		fmt.Fprintf(b, `<circle class="%s hollow" cx="%s" cy="%s" r="%s"/>`, class, num(x), num(y), num(svgDot))
	}
	// arrow draws an edge from x1 to the mark at x2, its head touching
	// the mark.
	arrow := func(class string, x1, x2 float64, dashed bool) {
		dir := 1.0
		if x2 < x1 {
			dir = -1
		}
		tip := x2 - dir*(svgDot+1)
		extra := ""
		if dashed {
			extra = " dashed"
		}
		fmt.Fprintf(b, `<path class="%s edge%s" d="M%s %sH%s"/>`, class, extra, num(x1), num(y), num(tip-dir*6))
		fmt.Fprintf(b, `<path class="%s" d="M%s %sL%s %sL%s %sZ"/>`, class, num(tip), num(y), num(tip-dir*8), num(y-4.5), num(tip-dir*8), num(y+4.5))
	}
	switch row.kind {
	case StepStart:
		lanes := append([]int{row.lane}, row.also...)
		if row.from >= 0 {
			// An arrow into each lane it started, the nearest on top.
			for i := len(lanes) - 1; i >= 0; i-- {
				arrow("start", laneX(row.from), laneX(lanes[i]), false)
			}
			dot("start", laneX(row.from))
		}
		for _, l := range lanes {
			ring("start", laneX(l))
		}
	case StepAccess:
		dot("race", x)
	case StepNoOrder:
		x2 := laneX(row.to)
		fmt.Fprintf(b, `<path class="race edge dashed" d="M%s %sH%s"/>`, num(x), num(y), num(x2))
		mid, s := (x+x2)/2, 4.5
		fmt.Fprintf(b, `<path class="race edge" d="M%s %sL%s %sM%s %sL%s %s"/>`,
			num(mid-s), num(y-s), num(mid+s), num(y+s), num(mid-s), num(y+s), num(mid+s), num(y-s))
	case StepEnd, StepReturn:
		fmt.Fprintf(b, `<path class="end edge" d="M%s %sH%s"/>`, num(x-7), num(y), num(x+7))
	case StepLock:
		for _, l := range append([]int{row.lane}, row.also...) {
			dot("lock", laneX(l))
		}
	case StepWait:
		class := "wait"
		if row.cycle {
			class = "race"
		}
		if row.to >= 0 && row.to != row.lane {
			arrow(class, x, laneX(row.to), false)
		}
		if row.to == row.lane {
			// It waits for a lock it holds: a loop back up its own
			// lane to where it locked it.
			for j := k - 1; j >= 0; j-- {
				if l := lay.rows[j]; l.kind == StepLock && l.lane == row.lane {
					ly, r := rowY(j), x+svgDot+2
					fmt.Fprintf(b, `<path class="%s edge" d="M%s %sC%s %s %s %s %s %s"/>`, class,
						num(r), num(y), num(x+svgGap*0.7), num(y), num(x+svgGap*0.7), num(ly), num(r+7), num(ly))
					fmt.Fprintf(b, `<path class="%s" d="M%s %sL%s %sL%s %sZ"/>`, class, num(r), num(ly), num(r+8), num(ly-4.5), num(r+8), num(ly+4.5))
					break
				}
			}
		}
		dot(class, x)
	}
}

func svgPath(b *strings.Builder, class string, x1, y1, x2, y2 float64) {
	if y2 <= y1 {
		return
	}
	fmt.Fprintf(b, `<path class="%s" d="M%s %sL%s %s"/>`, class, num(x1), num(y1), num(x2), num(y2))
}

// num prints a coordinate: at most one decimal, none when whole, so that
// the golden files do not change with the last bit of a float.
func num(f float64) string {
	s := fmt.Sprintf("%.1f", f)
	return strings.TrimSuffix(s, ".0")
}

// esc escapes text for XML: a student's line of code may hold <, & or ".
func esc(s string) string {
	var b strings.Builder
	if err := xml.EscapeText(&b, []byte(s)); err != nil {
		return "" // xml.EscapeText only fails when writing fails; a Builder does not
	}
	return b.String()
}

// trimSpace drops the spaces a wrapped line starts with: the SVG places
// each line itself.
func trimSpace(l []seg) []seg {
	out := append([]seg{}, l...)
	for len(out) > 0 {
		out[0].s = strings.TrimLeft(out[0].s, " ")
		if out[0].s != "" {
			break
		}
		out = out[1:]
	}
	return out
}
