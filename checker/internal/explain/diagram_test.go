package explain

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/racelab/racelab/checker/internal/i18n"
)

// diagrams returns the diagram of every verdict capture that has one, by
// capture name.
func diagrams(t testing.TB) map[string]*Diagram {
	t.Helper()
	verdicts, err := filepath.Glob(filepath.Join("testdata", "captures", "*.verdict.json"))
	if err != nil || len(verdicts) == 0 {
		t.Fatalf("no verdicts in testdata/captures (%v)", err)
	}
	out := map[string]*Diagram{}
	for _, v := range verdicts {
		name := strings.TrimSuffix(filepath.Base(v), ".verdict.json")
		for _, p := range Parse(load(t, name+".verdict.json")) {
			if d, ok := DiagramOf(p); ok {
				out[name] = d
				break
			}
		}
	}
	return out
}

// TestDiagramSteps checks what the diagrams of the captures say, step by
// step: for a race, the two accesses in the order they happened, where the
// goroutines started and the missing edge between the accesses; for a
// deadlock, the locks and who waits for whom; for a leak, where each
// goroutine is blocked when run returns.
func TestDiagramSteps(t *testing.T) {
	ds := diagrams(t)
	// What each capture's diagram is, step by step: kind@lane(>edge) at place.
	want := map[string][]string{
		// The main goroutine read the slice before goroutine 8 wrote it:
		// nothing made it wait.
		"01-waitgroup": {"start@1<0 squares.go:20", "access@0 squares.go:28", "no-order@0>1", "access@1 squares.go:21"},
		"86-results":   {"start@1<0 results.go:20", "access@0 results.go:25", "no-order@0>1", "access@1 results.go:22"},
		// Two goroutines of one go statement; the one that wrote first
		// had finished, and nothing had waited for it.
		"94-method": {"start@0+1 bank.go:36", "access@0 bank.go:21", "end@0", "no-order@0>1", "access@1 bank.go:21"},
		"97-transfer": {"start@1<0 transfer.go:39", "start@2<0 transfer.go:45", "lock@1 transfer.go:22", "lock@2 transfer.go:22",
			"wait@0 transfer.go:51", "wait@1>2 transfer.go:25", "wait@2>1 transfer.go:25"},
		"85-relock": {"start@1+2<0 counter.go:47", "lock@1 counter.go:24",
			"wait@0 counter.go:53", "wait@1>1 counter.go:34", "wait@2>1 counter.go:24"},
		// A ring of six accounts: the first two goroutines of the
		// cycle, the three between as one lane, the last one, whose lock
		// the first one wants.
		"90-ring": {"start@1+2,3,4<0 ring.go:43", "lock@1+2,3,4 ring.go:22", "wait@0 ring.go:48",
			"wait@1>2 ring.go:25", "wait@2>3 ring.go:25", "wait@3>4 ring.go:25 chain", "wait@4>1 ring.go:25"},
		"96-mirrors": {"start@1<0 mirrors.go:18", "start@2<0 mirrors.go:26", "start@3<0 mirrors.go:35",
			"wait@1 mirrors.go:19", "wait@2 mirrors.go:27", "wait@3 mirrors.go:37", "return@0"},
	}
	for name, steps := range want {
		d, ok := ds[name]
		if !ok {
			t.Errorf("%s: no diagram", name)
			continue
		}
		var got []string
		for _, s := range d.Steps {
			g := string(s.Kind) + "@" + strconv.Itoa(s.Lane)
			for i, a := range s.Also {
				g += map[bool]string{true: "+", false: ","}[i == 0] + strconv.Itoa(a)
			}
			switch {
			case s.Kind == StepStart && s.From >= 0:
				g += "<" + strconv.Itoa(s.From)
			case s.To >= 0:
				g += ">" + strconv.Itoa(s.To)
			}
			if !s.At.IsZero() {
				g += " " + s.At.String()
			}
			if s.Chain {
				g += " chain"
			}
			got = append(got, g)
		}
		// The deadlock's waits come in the order of the goroutines; the
		// picture does not depend on it.
		slices.Sort(got)
		slices.Sort(steps)
		if !slices.Equal(got, steps) {
			t.Errorf("%s: steps\n got %q\nwant %q", name, got, steps)
		}
		if name == "97-transfer" && !slices.Equal(d.Cycle, []int{1, 2}) {
			t.Errorf("%s: cycle %v, want lanes 1 and 2", name, d.Cycle)
		}
		if name == "90-ring" && (!slices.Equal(d.Cycle, []int{1, 2, 3, 4}) || d.Lanes[3].Count != 3) {
			t.Errorf("%s: cycle %v, lanes %+v: want the ring through four lanes, the third of three goroutines", name, d.Cycle, d.Lanes)
		}
	}
	// Lanes: the main goroutine on the left; a group of stuck goroutines
	// counted.
	if l := ds["01-waitgroup"].Lanes; len(l) != 2 || !l[0].Main || l[1].Main {
		t.Errorf("01-waitgroup: lanes %+v, want main then goroutine 8", l)
	}
	if l := ds["96-mirrors"].Lanes; len(l) != 4 || !l[0].Main || l[3].Count != 9 {
		t.Errorf("96-mirrors: lanes %+v, want main, two goroutines and a group of nine", l)
	}
	for _, name := range []string{"82-exit", "87-compile", "98-serial", "99-tickets", "83-bounds"} {
		if _, ok := ds[name]; ok {
			t.Errorf("%s: a diagram of a problem that is not a race, a deadlock or a leak", name)
		}
	}
}

// TestDiagramText checks the text diagrams at the widths of the golden
// files: every line fits, the lanes are where their names are, and both
// languages say the steps in the student's own lines.
func TestDiagramText(t *testing.T) {
	for name, d := range diagrams(t) {
		for _, width := range []int{60, 120} {
			for _, lang := range []i18n.Lang{i18n.EN, i18n.ID} {
				var b strings.Builder
				if err := d.Text(&b, lang, width, false); err != nil {
					t.Fatal(err)
				}
				text := b.String()
				checkHidden(t, text)
				for _, l := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
					if n := utf8.RuneCountInString(l); n > width {
						t.Errorf("%s %s: a line of %d columns at %d:\n%s", name, lang, n, width, l)
					}
				}
				for _, s := range d.Steps {
					if !s.At.IsZero() && !strings.Contains(text, s.At.String()) {
						t.Errorf("%s %s at %d: the step at %s is not shown:\n%s", name, lang, width, s.At, text)
					}
					if s.At.Source != "" && !strings.Contains(text, s.At.Source) {
						t.Errorf("%s %s at %d: the line of code %q is not shown:\n%s", name, lang, width, s.At.Source, text)
					}
				}
				if strings.Contains(text, "%!") {
					t.Errorf("%s %s: a message formatted with the wrong arguments:\n%s", name, lang, text)
				}
			}
		}
	}
	// The order of the race in lab 01, in words a student reads top down.
	var b strings.Builder
	if err := diagrams(t)["01-waitgroup"].Text(&b, i18n.EN, 120, false); err != nil {
		t.Fatal(err)
	}
	mustMatch(t, b.String(), `(?s)├──►○ +squares.go:20  the main goroutine starts goroutine \d+\n.*`+
		`●   │ +squares.go:28  the main goroutine reads squares\n.*`+
		`├╌✗╌┤ +no happens-before: nothing makes one of them wait for the other\n.*`+
		`│   ● +squares.go:21  goroutine \d+ writes squares\[i\]`)
}

// TestDiagramSVG checks the SVG of every diagram, in both languages: that
// it is well-formed XML, self-contained (no script, nothing fetched),
// accessible (a title and a description it is labelled by), that it says
// what the text says, and that it matches testdata/golden/svg (-update
// rewrites it).
func TestDiagramSVG(t *testing.T) {
	for name, d := range diagrams(t) {
		for _, lang := range []i18n.Lang{i18n.EN, i18n.ID} {
			svg := d.SVG(lang, name)
			checkSVG(t, name, svg)
			text := string(svg)
			for _, s := range d.Steps {
				if !s.At.IsZero() && !strings.Contains(text, s.At.String()) {
					t.Errorf("%s %s: the step at %s is not in the SVG", name, lang, s.At)
				}
			}
			checkHidden(t, text[strings.Index(text, "</style>"):])
			compareGolden(t, filepath.Join("testdata", "golden", "svg", name+"."+string(lang)+".svg"), text)
		}
	}
}

// checkSVG checks that svg is one well-formed, self-contained and labelled
// <svg> element.
func checkSVG(t *testing.T, name string, svg []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	ids := map[string]string{} // id -> element
	var root xml.StartElement
	depth, roots := 0, 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("%s: the SVG is not well-formed XML: %v\n%s", name, err, svg)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				root = el
				roots++
			}
			depth++
			switch el.Name.Local {
			case "script", "foreignObject", "image", "use", "a":
				t.Errorf("%s: the SVG has a <%s>: it must be self-contained and inert", name, el.Name.Local)
			}
			for _, a := range el.Attr {
				if a.Name.Local == "id" {
					ids[a.Value] = el.Name.Local
				}
				if a.Name.Local == "href" || strings.HasPrefix(a.Name.Local, "on") {
					t.Errorf("%s: attribute %s on <%s>", name, a.Name.Local, el.Name.Local)
				}
			}
		case xml.EndElement:
			depth--
		}
	}
	if roots != 1 || root.Name.Local != "svg" || root.Name.Space != "http://www.w3.org/2000/svg" {
		t.Fatalf("%s: want one <svg> root in the SVG namespace, got %d (%v)", name, roots, root.Name)
	}
	attr := func(n string) string {
		for _, a := range root.Attr {
			if a.Name.Local == n {
				return a.Value
			}
		}
		return ""
	}
	if attr("role") != "img" {
		t.Errorf("%s: role %q, want img", name, attr("role"))
	}
	labels := strings.Fields(attr("aria-labelledby"))
	if len(labels) != 2 || ids[labels[0]] != "title" || ids[labels[1]] != "desc" {
		t.Errorf("%s: aria-labelledby %q must name the <title> and the <desc> (ids %v)", name, labels, ids)
	}
	if attr("width") == "" || attr("viewBox") == "" {
		t.Errorf("%s: the SVG needs a size and a viewBox to scale", name)
	}
	if bytes.Contains(svg, []byte("url(")) || bytes.Contains(svg, []byte("@import")) {
		t.Errorf("%s: the SVG fetches something", name)
	}
	if !bytes.Contains(svg, []byte("prefers-color-scheme:dark")) {
		t.Errorf("%s: the SVG has no colours for a dark page", name)
	}
}

// TestDiagramEscapes draws a diagram whose lines of code hold what XML
// must escape: the SVG stays well-formed and shows the code as written.
func TestDiagramEscapes(t *testing.T) {
	code := `results <- "a&b" + '<' + x > y // ]]> </svg><script>alert(1)</script>`
	d := &Diagram{Kind: Race, Title: "x<y", Lanes: []Lane{{Main: true}, {Goroutine: 7}}, Steps: []Step{
		{Kind: StepStart, Lane: 1, From: 0, To: -1, At: Place{File: "a&b.go", Line: 3, Source: code}},
		{Kind: StepAccess, Lane: 0, From: -1, To: -1, At: Place{File: "a.go", Line: 4, Source: code}, Var: "m[\"<k>\"]"},
		{Kind: StepNoOrder, Lane: 0, From: -1, To: 1},
		{Kind: StepAccess, Lane: 1, From: -1, To: -1, Write: true, At: Place{File: "a.go", Line: 5, Source: code}, Var: "m[\"<k>\"]"},
	}}
	svg := d.SVG(i18n.EN, `"><script>`)
	checkSVG(t, "escapes", svg)
	var texts []string
	dec := xml.NewDecoder(bytes.NewReader(svg))
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		if c, ok := tok.(xml.CharData); ok {
			texts = append(texts, string(c))
		}
	}
	if !slices.Contains(texts, code) {
		t.Errorf("the line of code is not shown as written: %q", texts)
	}
}

// TestDiagramJSON checks that a diagram kept in a gradebook comes back
// the same: the report draws it from there.
func TestDiagramJSON(t *testing.T) {
	for name, d := range diagrams(t) {
		d.Lang = i18n.ID
		data, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		var back Diagram
		if err := json.Unmarshal(data, &back); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(*d, back) {
			t.Errorf("%s: the diagram changed on its way through JSON:\n%s", name, data)
		}
		if !bytes.Equal(d.SVG(i18n.EN, "x"), back.SVG(i18n.EN, "x")) {
			t.Errorf("%s: the SVG changed on its way through JSON", name)
		}
	}
}

// TestDiagramFallback: a problem the diagram cannot draw is listed as
// before.
func TestDiagramFallback(t *testing.T) {
	one := Problem{Kind: Race, Var: "x", Accesses: []Access{{Write: true, Goroutine: 7, Var: "x", At: Place{File: "a.go", Line: 3}}}, Advice: i18n.AdviceRaceAny}
	if _, ok := DiagramOf(one); ok {
		t.Errorf("a race with one access drawn")
	}
	var many []Goroutine
	for i := range maxLanes + 1 {
		many = append(many, Goroutine{ID: 10 + i, Wait: WaitSend, At: Place{File: "a.go", Line: i + 1}})
	}
	if _, ok := DiagramOf(Problem{Kind: Leak, Goroutines: many}); ok {
		t.Errorf("a leak of %d lanes drawn", maxLanes+2)
	}
	text := renderAt(t, []Problem{one}, i18n.EN, 60)
	mustContain(t, text, "a.go:3  goroutine 7 writes x")
}

// TestDiagramCost checks the budget: a diagram adds at most 50 ms to make
// lab. It costs microseconds; the test only catches a blunder (say, a
// layout that goes quadratic), so it takes the best of a few tries on
// this shared machine.
func TestDiagramCost(t *testing.T) {
	ds := diagrams(t)
	best := time.Hour
	for range 5 {
		start := time.Now()
		for _, d := range ds {
			for _, lang := range []i18n.Lang{i18n.EN, i18n.ID} {
				if err := d.Text(io.Discard, lang, 60, true); err != nil {
					t.Fatal(err)
				}
				d.SVG(lang, "x")
			}
		}
		best = min(best, time.Since(start)/time.Duration(2*len(ds)))
	}
	if best > 50*time.Millisecond {
		t.Errorf("a diagram takes %v to draw, the budget is 50ms", best)
	}
}

// BenchmarkDiagram measures what the diagrams add to make lab's
// explanation: Parse and Render of every capture, with the diagrams and
// without (the list of places instead). It reports the extra time per
// explanation and as a ratio to Parse+Render without diagrams:
//
//	go test -run - -bench Diagram ./checker/internal/explain
func BenchmarkDiagram(b *testing.B) {
	var ins []Input
	verdicts, _ := filepath.Glob(filepath.Join("testdata", "captures", "*.verdict.json"))
	for _, v := range verdicts {
		ins = append(ins, load(b, filepath.Base(v)))
	}
	explain := func(diagrams bool) {
		for _, in := range ins {
			r := &renderer{w: io.Discard, l: i18n.EN, color: true, width: 100, diagrams: diagrams, why: map[i18n.Key]bool{}}
			if err := r.render(Parse(in)); err != nil {
				b.Fatal(err)
			}
		}
	}
	var without, with time.Duration
	for b.Loop() {
		start := time.Now()
		explain(false)
		mid := time.Now()
		explain(true)
		without, with = without+mid.Sub(start), with+time.Since(mid)
	}
	n := float64(b.N * len(ins))
	b.ReportMetric(float64(with-without)/n/1e6, "diagram-ms/explanation")
	b.ReportMetric(float64(with-without)/float64(without), "diagram/parse+render")
}
