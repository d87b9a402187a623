package gradebook

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/racelab/racelab/checker/internal/explain"
	"github.com/racelab/racelab/checker/internal/i18n"
	"github.com/racelab/racelab/checker/lab"
	"github.com/racelab/racelab/checker/protocol"
)

// captured is the race of a real run of lab 01, as the grader draws it:
// explain's captured verdict, read with the lab's files.
func captured(t *testing.T, name string, lang i18n.Lang) *explain.Diagram {
	t.Helper()
	dir := filepath.Join("..", "explain", "testdata")
	l, err := lab.Load(filepath.Join(dir, "labs", name))
	if err != nil {
		t.Fatal(err)
	}
	v, err := protocol.ReadVerdict(filepath.Join(dir, "captures", name+".verdict.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range explain.Parse(explain.Input{Verdict: v, ProgramDir: l.ProgramDir(), Editable: l.Editable, Fix: l.Fix}) {
		if d, ok := explain.DiagramOf(p); ok {
			d.Lang = lang
			return d
		}
	}
	t.Fatalf("%s: no diagram", name)
	return nil
}

// diagramClass is the small class with its races drawn: bob's in English,
// eve's (the same lab result) too, and carol's flaky fix as the deadlock
// of lab 97 in Indonesian.
func diagramClass(t *testing.T) *Gradebook {
	g := class()
	race := captured(t, "01-waitgroup", i18n.EN)
	deadlock := captured(t, "97-transfer", i18n.ID)
	for i := range g.Submissions {
		for j := range g.Submissions[i].Labs {
			r := &g.Submissions[i].Labs[j]
			switch {
			case r.Reason == "race":
				r.Diagram = race
			case r.Reason == "flaky" && g.Submissions[i].Name == "carol":
				r.Diagram = deadlock
			}
		}
	}
	return g
}

var reSVGID = regexp.MustCompile(`<svg [^>]*class="rl-diagram" id="([^"]+)" lang="(\w+)"`)

// TestHTMLDiagram checks that a failed lab's diagram is in the student's
// feedback, as SVG (not escaped text), in the language it was drawn in,
// with ids of its own on the page, and that the report survives a round
// trip through gradebook.json with it.
func TestHTMLDiagram(t *testing.T) {
	g := diagramClass(t)
	// The report is also written from a gradebook.json (checker merge).
	var back Gradebook
	if err := jsonRoundTrip(g, &back); err != nil {
		t.Fatal(err)
	}
	for _, gb := range []*Gradebook{g, &back} {
		page, err := HTML(gb)
		if err != nil {
			t.Fatal(err)
		}
		html := string(page)
		svgs := reSVGID.FindAllStringSubmatch(html, -1)
		// bob's race, eve's race, carol's deadlock.
		if len(svgs) != 3 {
			t.Fatalf("%d diagrams in the report, want 3", len(svgs))
		}
		ids := map[string]bool{}
		for _, m := range regexp.MustCompile(` id="([^"]+)"`).FindAllStringSubmatch(html, -1) {
			if ids[m[1]] {
				t.Errorf("id %q twice on the page", m[1])
			}
			ids[m[1]] = true
		}
		langs := map[string]int{}
		for _, m := range svgs {
			langs[m[2]]++
		}
		if langs["en"] != 2 || langs["id"] != 1 {
			t.Errorf("diagram languages %v, want the two races in English and the deadlock in Indonesian", langs)
		}
		for _, want := range []string{"squares.go:28", "for _, s := range squares {", "menunggu untuk mengunci to.mu", "<title id="} {
			if !strings.Contains(html, want) {
				t.Errorf("the report lacks %q", want)
			}
		}
		if strings.Contains(html, "&lt;svg") {
			t.Errorf("a diagram was escaped into text")
		}
		bob := html[strings.Index(html, `id="s-bob"`):]
		bob = bob[:strings.Index(bob, "</details>")]
		if !strings.Contains(bob, `<figure class="diagram"><svg`) || strings.Count(bob, "<svg") != 1 {
			t.Errorf("bob's feedback should hold his one diagram, under the failed lab:\n%s", bob)
		}
		alice := html[strings.Index(html, `id="s-alice"`):]
		if alice = alice[:strings.Index(alice, "</details>")]; strings.Contains(alice, "<svg") {
			t.Errorf("alice passed every lab, yet her feedback has a diagram")
		}
	}
}

func jsonRoundTrip(g *Gradebook, into *Gradebook) error {
	dir, err := os.MkdirTemp("", "gradebook-diagram")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, JSONFile)
	if err := WriteFile(path, JSON(g)); err != nil {
		return err
	}
	back, err := Read(path)
	if err != nil {
		return err
	}
	*into = *back
	return nil
}

// TestReportDiagramInBrowser opens the report in headless Chromium at a
// student's feedback, light and dark, and looks at the screenshot: the
// diagram is drawn (its marks in their colours), on its own light or dark
// background, and the DOM has it as an SVG image with its title. Set
// RACELAB_SCREENSHOTS to a folder to keep the pictures.
func TestReportDiagramInBrowser(t *testing.T) {
	bin := chromium(t)
	dir := t.TempDir()
	if err := WriteAll(dir, diagramClass(t)); err != nil {
		t.Fatal(err)
	}
	url := "file://" + filepath.Join(dir, HTMLFile) + "#s-bob"
	browse := func(args ...string) []byte {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		args = append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
			"--user-data-dir=" + t.TempDir()}, args...)
		out, err := exec.CommandContext(ctx, bin, append(args, url)...).Output()
		if err != nil {
			t.Fatalf("chromium %v: %v", args, err)
		}
		return out
	}

	dom := string(browse("--dump-dom"))
	if !regexp.MustCompile(`<details class="student" id="s-bob" open="">`).MatchString(dom) {
		t.Fatalf("bob's feedback is not open")
	}
	if !strings.Contains(dom, `role="img"`) || !strings.Contains(dom, "Data race on squares</title>") {
		t.Errorf("the diagram is not in the page as a labelled image")
	}

	// What a reader sees, light and dark: colours of the diagram (the
	// race's red marks, the green start, the blue places) on its
	// background.
	for _, mode := range []struct {
		name   string
		flags  []string
		bg     [3]uint8
		colors map[string][3]uint8
	}{
		{"light", nil, [3]uint8{0xff, 0xff, 0xff},
			map[string][3]uint8{"race": {0xcf, 0x22, 0x2e}, "start": {0x1a, 0x7f, 0x37}, "place": {0x05, 0x50, 0xae}}},
		{"dark", []string{"--force-dark-mode"}, [3]uint8{0x0d, 0x11, 0x17},
			map[string][3]uint8{"race": {0xff, 0x7b, 0x72}, "start": {0x3f, 0xb9, 0x50}, "place": {0x79, 0xc0, 0xff}}},
	} {
		shot := filepath.Join(t.TempDir(), mode.name+".png")
		browse(append(mode.flags, "--window-size=1100,4000", "--screenshot="+shot)...)
		data, err := os.ReadFile(shot)
		if err != nil {
			t.Fatal(err)
		}
		if keep := os.Getenv("RACELAB_SCREENSHOTS"); keep != "" {
			if err := os.WriteFile(filepath.Join(keep, "report-diagram-"+mode.name+".png"), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if n := count(img, mode.bg, 2); n < 20000 {
			t.Errorf("%s: %d pixels of the diagram's background, want a diagram's worth", mode.name, n)
		}
		for name, c := range mode.colors {
			if n := count(img, c, 24); n < 30 {
				t.Errorf("%s: %d pixels of the %s colour: the diagram is not drawn as it should be", mode.name, n, name)
			}
		}
	}
}

// count is how many pixels of img are within tol of c in every channel.
func count(img image.Image, c [3]uint8, tol int) int {
	n := 0
	b := img.Bounds()
	near := func(a uint32, b uint8) bool {
		d := int(a>>8) - int(b)
		return d >= -tol && d <= tol
	}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if near(r, c[0]) && near(g, c[1]) && near(bl, c[2]) {
				n++
			}
		}
	}
	return n
}
