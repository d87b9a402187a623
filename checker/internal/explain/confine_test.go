package explain

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/racelab/racelab/checker/internal/i18n"
)

// The confine analyzer's refusals are explained in both languages, with the
// import or directive named.
func TestConfineFinding(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "01-squares")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	src := "package main\n\nimport (\n\t\"fmt\"\n\t\"unsafe\"\n)\n"
	if err := os.WriteFile(filepath.Join(dir, "squares.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out := "=== RUN   TestLab/static\n" +
		"    static.go:30: racelab: wrong fix: squares.go:5:2: import \"unsafe\" is not allowed in a lab file: it reads and writes memory around Go's rules; a fix needs only goroutines, sync, channels and the plain standard library\n" +
		"--- FAIL: TestLab/static (0.50s)\n"
	ps := Parse(Input{Output: out, LabDir: dir, Editable: []string{"squares.go"}, Fix: []string{"waitgroup"}})
	var en, id bytes.Buffer
	if err := Render(&en, ps, i18n.EN, false); err != nil {
		t.Fatal(err)
	}
	if err := Render(&id, ps, i18n.ID, false); err != nil {
		t.Fatal(err)
	}
	p := checkStatic(t, ps, en.String(), id.String(), "confine", "squares.go:5", `import "unsafe" is not allowed in a lab file`)
	if p.Call != `import "unsafe"` {
		t.Errorf("call %q", p.Call)
	}
	mustContain(t, en.String(), "a fix needs only goroutines, sync, channels")
	mustContain(t, id.String(), `import "unsafe" tidak boleh ada di file lab`, "cukup dengan goroutine, sync, channel")
}
