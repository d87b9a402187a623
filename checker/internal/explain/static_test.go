package explain

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/racelab/racelab/checker/internal/i18n"
	"github.com/racelab/racelab/checker/protocol"
)

// tempLab makes a lab folder in a temporary directory: its program folder
// (returned) with the given files, and its scripts in testdata.
func tempLab(t *testing.T, lab, prog string, files, scripts map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "labs", lab, prog)
	for folder, m := range map[string]map[string]string{dir: files, filepath.Join(dir, "..", "testdata"): scripts} {
		if err := os.MkdirAll(folder, 0o755); err != nil {
			t.Fatal(err)
		}
		for name, text := range m {
			if err := os.WriteFile(filepath.Join(folder, name), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

// The confine analyzer's refusals are explained in both languages, with the
// import, directive or function named, whether the judge logged them or
// wrote them in its verdict.
func TestConfineFinding(t *testing.T) {
	src := "package main\n\nimport (\n\t\"os\"\n\t\"unsafe\"\n)\n\nfunc run() {\n\t_ = unsafe.Sizeof(0)\n\tos.Exit(0)\n}\n"
	dir := tempLab(t, "01-squares", "squares", map[string]string{"squares.go": src}, nil)
	unsafeMsg := `import "unsafe" is not allowed in a lab file: it reads and writes memory around Go's rules; a fix needs only goroutines, sync, channels and the plain standard library`
	exitMsg := "os.Exit is not allowed in a lab file: os.Exit can end the program with any status, also the one that says the lab's checks passed: return from run instead"
	text := "=== RUN   TestLab/static\n" +
		"    steps.go:30: racelab: refused: squares.go:5:2: " + unsafeMsg + "\n" +
		"    steps.go:30: racelab: refused: squares.go:10:2: " + exitMsg + "\n" +
		"    steps.go:37: racelab: the program was not built or run: a lab's program may use only goroutines, sync, channels and the plain standard library.\n" +
		"--- FAIL: TestLab/static (0.50s)\n"
	verdict := &protocol.Verdict{Lab: "01-squares", Reasons: []protocol.Reason{protocol.Refused}, Static: []protocol.Finding{
		{File: "squares.go", Line: 5, Column: 2, Check: "confine", Message: unsafeMsg},
		{File: "squares.go", Line: 10, Column: 2, Check: "confine", Message: exitMsg},
	}}
	for _, in := range []Input{{Output: text}, {Verdict: verdict}} {
		in.ProgramDir, in.Editable, in.Fix = dir, []string{"squares.go"}, []string{"waitgroup"}
		ps := Parse(in)
		en, id := render(t, ps, i18n.EN), render(t, ps, i18n.ID)
		if len(ps) != 2 || ps[0].Call != `import "unsafe"` || ps[1].Call != "os.Exit" {
			t.Fatalf("two refusals, of unsafe then os.Exit: %+v", ps)
		}
		checkStatic(t, ps, en, id, "confine", "squares.go:5", `import "unsafe" is not allowed in a lab file`)
		mustContain(t, en, "squares.go:10  os.Exit is not allowed in a lab file: it can end the program with any status", "os.Exit(0)",
			"a fix needs only goroutines, sync, channels")
		mustContain(t, id, `import "unsafe" tidak boleh ada di file lab`, "os.Exit tidak boleh ada di file lab", "cukup dengan goroutine, sync, channel")
		// Said once, however many files or lines are refused.
		for lang, text := range map[string]string{"en": en, "id": id} {
			what := i18n.Lang(lang).T(i18n.StaticRefused)
			if n := strings.Count(text, what); n != 1 {
				t.Errorf("%s: %q said %d times:\n%s", lang, what, n, text)
			}
		}
	}
}

// A script's opening comment may take several lines; the log times only the
// last, but the check is the whole sentence. A verdict names the script,
// whose file has the same comment.
func TestMultiLineScriptComment(t *testing.T) {
	script := "# $N users sign up at once, asking for 3 usernames between them: exactly 3\n" +
		"# are welcomed, one per name.\n" +
		"# id: $N user mendaftar bersamaan dan meminta 3 username:\n" +
		"# id: tepat 3 yang diterima.\n" +
		"env RACELAB_OVERLAP=$N\n" +
		"signup -users $N -names 3 -seed $SEED\n" +
		"want signup $N 3 $SEED\n"
	dir := tempLab(t, "15-check-then-act", "signup", map[string]string{"signup.go": "package main\n"}, map[string]string{"names.txtar": script})
	text := "=== RUN   TestLab/scripts/names\n" +
		"    testscript.go:609: WORK=$WORK\n" +
		"        SEED=1\n        N=20\n" +
		"        # $N users sign up at once, asking for 3 usernames between them: exactly 3\n" +
		"        # are welcomed, one per name.\n" +
		"        # id: $N user mendaftar bersamaan dan meminta 3 username:\n" +
		"        # id: tepat 3 yang diterima. (0.148s)\n" +
		"        > env RACELAB_OVERLAP=$N\n" +
		"        > signup -users $N -names 3 -seed $SEED\n" +
		"        [stdout]\n" +
		"        welcomed 20, turned away 0\n" +
		"        > want signup $N 3 $SEED\n" +
		"        FAIL: testdata/names.txtar:7: racelab: wrong output: expected the line \"welcomed 3, turned away 17\" in the program's output; it printed:\n" +
		"        \twelcomed 20, turned away 0\n" +
		"--- FAIL: TestLab/scripts/names (0.15s)\n"
	verdict := &protocol.Verdict{Scripts: []protocol.Script{{
		Name: "names", Reasons: []protocol.Reason{protocol.WrongOutput},
		Runs:    []protocol.Run{{Args: []string{"-users", "20", "-names", "3", "-seed", "1"}, Exit: protocol.ExitChecked, Stdout: "welcomed 20, turned away 0\n"}},
		Failure: "racelab: wrong output: expected the line \"welcomed 3, turned away 17\" in the program's output; it printed:\n\twelcomed 20, turned away 0\n",
	}}}
	// Both read the run's N: the text from the environment testscript
	// logs, the verdict from the run's arguments.
	wantEN := "20 users sign up at once, asking for 3 usernames between them: exactly 3 are welcomed, one per name."
	wantID := "20 user mendaftar bersamaan dan meminta 3 username: tepat 3 yang diterima."
	for _, in := range []Input{{Output: text}, {Verdict: verdict}} {
		in.ProgramDir, in.Editable, in.Fix = dir, []string{"signup.go"}, []string{"mutex"}
		ps := Parse(in)
		if len(ps) != 1 || ps[0].Kind != WrongOutput {
			t.Fatalf("want one wrong output: %+v", ps)
		}
		if ps[0].Check != wantEN || ps[0].CheckID != wantID {
			t.Errorf("check %q / %q, want %q / %q", ps[0].Check, ps[0].CheckID, wantEN, wantID)
		}
		en, id := render(t, ps, i18n.EN), render(t, ps, i18n.ID)
		mustContain(t, en, wantEN, "welcomed 20, turned away 0")
		mustContain(t, id, wantID)
		if strings.Contains(id, wantEN) || strings.Contains(en, wantID) {
			t.Errorf("each language shows only its own sentence:\n%s\n%s", en, id)
		}
	}
}
