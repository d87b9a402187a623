package grade

import (
	"github.com/racelab/racelab/checker/internal/explain"
	"github.com/racelab/racelab/checker/internal/gradebook"
	"github.com/racelab/racelab/checker/internal/run"
)

// diagram draws the race, deadlock or leak of a lab's first failed run
// (the run the details are about) for the report, in the grader's
// language: the picture make lab shows the student, from the verdict the
// run already has and the student's own files. nil when that run failed
// for another reason.
func (g *grader) diagram(l *courseLab, files map[string][]byte, runs []gradebook.Run, outputs []run.Result) *explain.Diagram {
	for i, r := range runs {
		if r.Status == gradebook.Pass {
			continue
		}
		if outputs[i].Verdict == nil {
			return nil
		}
		in := explain.Input{Verdict: outputs[i].Verdict, ProgramDir: l.ProgramDir(), Files: files, Editable: l.Editable, Fix: l.Fix, Concepts: l.Concepts}
		for _, p := range explain.Parse(in) {
			if d, ok := explain.DiagramOf(p); ok {
				d.Lang = g.opts.Lang
				return d
			}
		}
		return nil
	}
	return nil
}
