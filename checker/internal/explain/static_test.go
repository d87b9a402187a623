package explain

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
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

// A script's opening comment may take several lines; the log times only the
// last, but the check is the whole sentence.
func TestMultiLineScriptComment(t *testing.T) {
	out := "=== RUN   TestLab/scripts/names\n" +
		"    testscript.go:609: WORK=$WORK\n" +
		"        # $N users sign up at once, asking for 3 usernames between them: exactly 3\n" +
		"        # are welcomed, one per name.\n" +
		"        # id: $N user mendaftar bersamaan dan meminta 3 username:\n" +
		"        # id: tepat 3 yang diterima. (0.148s)\n" +
		"        > exec signup -users $N -names 3 -seed $SEED\n" +
		"        [stdout]\n" +
		"        welcomed 20, turned away 0\n" +
		"        > want signup $N 3 $SEED\n" +
		"        FAIL: testdata/names.txtar:8: racelab: wrong output: expected the line \"welcomed 3, turned away 17\" in the program's output; it printed:\n" +
		"--- FAIL: TestLab/scripts/names (0.15s)\n"
	ps := Parse(Input{Output: out, LabDir: t.TempDir(), Editable: []string{"signup.go"}, Fix: []string{"mutex"}})
	if len(ps) == 0 {
		t.Fatal("no problem found")
	}
	want := "$N users sign up at once, asking for 3 usernames between them: exactly 3 are welcomed, one per name."
	if ps[0].Check != want {
		t.Errorf("check %q, want %q", ps[0].Check, want)
	}
	wantID := "$N user mendaftar bersamaan dan meminta 3 username: tepat 3 yang diterima."
	if ps[0].CheckID != wantID {
		t.Errorf("check (id) %q, want %q", ps[0].CheckID, wantID)
	}
	var en, id bytes.Buffer
	if err := Render(&en, ps, i18n.EN, false); err != nil {
		t.Fatal(err)
	}
	if err := Render(&id, ps, i18n.ID, false); err != nil {
		t.Fatal(err)
	}
	mustContain(t, en.String(), want)
	mustContain(t, id.String(), wantID)
	if strings.Contains(id.String(), want) || strings.Contains(en.String(), wantID) {
		t.Errorf("each language shows only its own sentence:\n%s\n%s", en.String(), id.String())
	}
}
