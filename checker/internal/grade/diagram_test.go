package grade

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/racelab/racelab/checker/internal/explain"
	"github.com/racelab/racelab/checker/internal/gradebook"
	"github.com/racelab/racelab/checker/internal/i18n"
	"github.com/racelab/racelab/checker/internal/run"
	"github.com/racelab/racelab/checker/lab"
	"github.com/racelab/racelab/checker/protocol"
)

// TestDiagram draws the race of a captured run of lab 01 (explain's test
// data) from the verdict and the student's files the grader has: the
// diagram shows the submission's lines, not the lab's, in the grader's
// language, and only for the first failed run.
func TestDiagram(t *testing.T) {
	dir := filepath.Join("..", "explain", "testdata")
	l, err := lab.Load(filepath.Join(dir, "labs", "01-waitgroup"))
	if err != nil {
		t.Fatal(err)
	}
	v, err := protocol.ReadVerdict(filepath.Join(dir, "captures", "01-waitgroup.verdict.json"))
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(l.ProgramDir(), "squares.go"))
	if err != nil {
		t.Fatal(err)
	}
	// The submission's line 28 differs from the lab's: the diagram must
	// show the submission's.
	lines := strings.Split(string(src), "\n")
	lines[27] = "\tfor _, s := range squares { // the student's own"
	files := map[string][]byte{"squares.go": []byte(strings.Join(lines, "\n"))}

	g := &grader{opts: Options{Lang: i18n.ID}}
	cl := &courseLab{Lab: l}
	pass, fail := gradebook.Run{Status: gradebook.Pass}, gradebook.Run{Status: gradebook.Fail, Reasons: []string{"race"}}
	d := g.diagram(cl, files, []gradebook.Run{pass, fail}, []run.Result{{}, {Verdict: v}})
	if d == nil || d.Kind != explain.Race || d.Lang != i18n.ID {
		t.Fatalf("diagram %+v, want the race, in Indonesian", d)
	}
	shown := false
	for _, s := range d.Steps {
		if s.At.String() == "squares.go:28" {
			shown = s.At.Source == strings.TrimSpace(lines[27])
		}
	}
	if !shown {
		t.Errorf("the diagram does not show the submission's line 28: %+v", d.Steps)
	}
	if d := g.diagram(cl, files, []gradebook.Run{pass}, []run.Result{{Verdict: v}}); d != nil {
		t.Errorf("a diagram for a lab that passed: %+v", d)
	}
	// A failed run without a verdict (the judge could not write one): no
	// diagram, and no other run's either.
	if d := g.diagram(cl, files, []gradebook.Run{fail, fail}, []run.Result{{}, {Verdict: v}}); d != nil {
		t.Errorf("a diagram from a run the details are not about: %+v", d)
	}
}
