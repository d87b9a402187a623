package explain

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/racelab/racelab/checker/internal/i18n"
)

// FuzzParse feeds Parse damaged and spliced output: whatever a student's
// program prints, and however a run is cut short, explaining it must not
// crash the command that explains it.
func FuzzParse(f *testing.F) {
	matches, err := filepath.Glob(filepath.Join("testdata", "captures", "*"))
	if err != nil {
		f.Fatal(err)
	}
	for _, m := range matches {
		if strings.HasSuffix(m, ".trimpath.json") {
			continue
		}
		capture := filepath.Base(m)
		f.Add(capture, load(f, capture).Output)
	}
	f.Fuzz(func(t *testing.T, capture, out string) {
		name, _, _ := strings.Cut(capture, ".")
		dir := filepath.Join("testdata", "labs", name)
		editable := []string{"squares.go", "tally.go", "sum.go", "server.go", "bank.go", "words.go", "mirrors.go", "transfer.go", "tickets.go", "results.go", "counter.go"}
		if _, err := os.Stat(dir); err != nil {
			dir = ""
		}
		ps := Parse(Input{Output: out, LabDir: dir, Editable: editable, Fix: []string{"mutex"}})
		for _, lang := range []i18n.Lang{i18n.EN, i18n.ID} {
			if err := Render(io.Discard, ps, lang, true); err != nil {
				t.Fatal(err)
			}
		}
	})
}
