package explain

import (
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/racelab/racelab/checker/internal/i18n"
	"github.com/racelab/racelab/checker/protocol"
)

// FuzzParse feeds Parse damaged and spliced output, as go test's text and
// as what a verdict holds (a run's stderr, the compiler's output, a
// script's failure): whatever a student's program prints, and however a
// run is cut short, explaining it must not crash the command that explains
// it, and a diagram of it must stay well-formed SVG.
func FuzzParse(f *testing.F) {
	matches, err := filepath.Glob(filepath.Join("testdata", "captures", "*"))
	if err != nil {
		f.Fatal(err)
	}
	programs := map[string]string{} // lab name → program folder
	scripts := map[string]string{}  // lab name → one of its scripts
	for _, m := range matches {
		capture := filepath.Base(m)
		in := load(f, capture)
		name, _, _ := strings.Cut(capture, ".")
		programs[name] = in.ProgramDir
		if txtar, _ := filepath.Glob(filepath.Join(in.ProgramDir, "..", "testdata", "*.txtar")); len(txtar) > 0 {
			scripts[name] = strings.TrimSuffix(filepath.Base(txtar[0]), ".txtar")
		}
		if in.Verdict == nil {
			f.Add(capture, in.Output)
			continue
		}
		seed := in.Verdict.Build
		for _, s := range in.Verdict.Scripts {
			for _, r := range s.Runs {
				seed += r.Stderr
			}
			seed += s.Failure
		}
		f.Add(capture, seed)
	}
	editable := []string{"squares.go", "tally.go", "sum.go", "server.go", "bank.go", "words.go", "mirrors.go", "transfer.go", "tickets.go", "results.go", "counter.go"}
	f.Fuzz(func(t *testing.T, capture, out string) {
		name, _, _ := strings.Cut(capture, ".")
		dir, script := programs[name], scripts[name]
		verdict := &protocol.Verdict{Build: out, Static: []protocol.Finding{{File: "squares.go", Line: 3, Check: "confine", Message: out}},
			Scripts: []protocol.Script{
				{Name: script, Runs: []protocol.Run{{Exit: protocol.ExitRace, Stdout: out, Stderr: out}}, Failure: out},
				{Name: "../" + script, Runs: []protocol.Run{{Exit: protocol.ExitChecked, Stdout: out, Stderr: out}}},
			}}
		for _, in := range []Input{{Output: out}, {Verdict: verdict}} {
			in.ProgramDir, in.Editable, in.Fix = dir, editable, []string{"mutex"}
			ps := Parse(in)
			for _, lang := range []i18n.Lang{i18n.EN, i18n.ID} {
				if err := Render(io.Discard, ps, lang, true, 60); err != nil {
					t.Fatal(err)
				}
			}
			for _, p := range ps {
				if d, ok := DiagramOf(p); ok {
					checkSVG(t, capture, d.SVG(i18n.EN, capture))
				}
			}
		}
	})
}
