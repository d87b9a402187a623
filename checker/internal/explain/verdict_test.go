package explain

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/racelab/racelab/checker/internal/i18n"
	"github.com/racelab/racelab/checker/protocol"
)

func TestParseCommand(t *testing.T) {
	for _, tc := range []struct {
		line string
		ok   bool
		neg  bool
		name string
		args []arg
	}{
		{"squares -n $N", true, false, "squares", []arg{{"-n", false}, {"$N", true}}},
		{"! stderr .", true, true, "stderr", []arg{{".", false}}},
		{"stdout 'account 1: 100, account 2: 100'", true, false, "stdout", []arg{{"account 1: 100, account 2: 100", false}}},
		{"stdout 'it''s $N'", true, false, "stdout", []arg{{"it's $N", false}}}, // quoted: not expanded
		{"stdout total$N", true, false, "stdout", []arg{{"total$N", true}}},
		{"[short] [!race] ! stdout x # a comment", true, true, "stdout", []arg{{"x", false}}},
		{"want tickets $N 3", true, false, "want", []arg{{"tickets", false}, {"$N", true}, {"3", false}}},
		{"# a comment", false, false, "", nil},
		{"   ", false, false, "", nil},
		{"stdout 'unterminated", false, false, "", nil},
	} {
		c, ok := parseCommand(tc.line)
		if ok != tc.ok || c.neg != tc.neg || c.name != tc.name || !slices.Equal(c.args, tc.args) {
			t.Errorf("parseCommand(%q) = %+v, %v; want %v %q %+v, %v", tc.line, c, ok, tc.neg, tc.name, tc.args, tc.ok)
		}
	}
}

// A verdict does not say which of a script's stdout and stderr checks
// failed the script; the script and the run's output tell, in testscript's
// own words.
func TestScriptChecks(t *testing.T) {
	text := "# Two runs.\n" +
		"env RACELAB_OVERLAP=1\n" +
		"prog -n 1\n" +
		"stdout '^one$'\n" +
		"# The second run.\n" +
		"prog -n 2\n" +
		"want prog 2\n" +
		"stdout -count=2 '^line'\n" +
		"! stderr .\n" +
		"-- input.txt --\n" +
		"prog -n 3\n"
	sc := parseScript(text, "prog")
	for _, tc := range []struct {
		name    string
		n       int
		run     protocol.Run
		at      int
		msg     string
		comment string
	}{
		{"first run's check", 1, protocol.Run{Stdout: "two\n"}, 4, "no match for `^one$` found in stdout", "Two runs."},
		{"second run's stderr", 2, protocol.Run{Stdout: "line 1\nline 2\n", Stderr: "debug\n"}, 9, "unexpected match for `.` found in stderr: d", "The second run."},
		{"second run's count", 2, protocol.Run{Stdout: "line 1\n"}, 8, "have 1 matches for `^line`, want 2", "The second run."},
		{"every check passes", 2, protocol.Run{Stdout: "line 1\nline 2\n"}, 0, "", "The second run."},
		{"no such run", 3, protocol.Run{}, 0, "", "Two runs."}, // the file's own text is no command
	} {
		at, msg := sc.checks(tc.n, tc.run)
		if at != tc.at || msg != tc.msg {
			t.Errorf("%s: checks = %d, %q; want %d, %q", tc.name, at, msg, tc.at, tc.msg)
		}
		if en, _ := sc.comment(at, tc.n); en != tc.comment {
			t.Errorf("%s: comment %q, want %q", tc.name, en, tc.comment)
		}
	}
	if got := sc.after(2, "want"); got != 7 {
		t.Errorf("the want after the second run is at line %d, want 7", got)
	}

	// A check with a variable cannot be evaluated from a verdict: no guess.
	sc = parseScript("prog -n $N\nstdout 'sum below '$N\n! stderr .\n", "prog")
	if at, msg := sc.checks(1, protocol.Run{Stderr: "x"}); at != 0 || msg != "" {
		t.Errorf("a check with a variable was evaluated: %d, %q", at, msg)
	}
	// Nor can a script that is not there.
	var none *script
	if at, msg := none.checks(1, protocol.Run{}); at != 0 || msg != "" || none.run(1) != 0 {
		t.Errorf("a missing script answered: %d, %q", at, msg)
	}
	if en, id := none.comment(3, 1); en != "" || id != "" {
		t.Errorf("a missing script has a comment: %q, %q", en, id)
	}
}

// A verdict's runs may end in every way a program can: each report in a
// run's stderr is explained as the same text is in go test's output.
func TestRunStderr(t *testing.T) {
	for _, tc := range []struct {
		capture string
		exit    int
		kind    Kind
	}{
		{"95-words.norace.txt", 2, ConcurrentMap},
		{"97-transfer.norace.txt", 2, Deadlock},
	} {
		t.Run(tc.capture, func(t *testing.T) {
			text := load(t, tc.capture)
			in := text
			in.Output = ""
			// No script of that name: no check to name, as in the text.
			in.Verdict = &protocol.Verdict{Scripts: []protocol.Script{{
				Name: "byhand", Runs: []protocol.Run{{Exit: tc.exit, Stderr: text.Output}},
				Failure: "the program exited with status 2 (crash)",
			}}}
			want, got := Parse(text), Parse(in)
			if len(got) != 1 || got[0].Kind != tc.kind {
				t.Fatalf("want one %s problem: %+v", tc.kind, got)
			}
			for _, lang := range []i18n.Lang{i18n.EN, i18n.ID} {
				if a, b := render(t, want, lang), render(t, got, lang); a != b {
					t.Errorf("%s: the text explains:\n%s\nthe verdict explains:\n%s", lang, a, b)
				}
			}
		})
	}
}

// A run that failed for a reason no report explains (log.Fatal's exit 1, an
// early exit, a limit) is a failed check that shows what the program said
// on stderr, from the verdict as from the text.
func TestUnexplainedRun(t *testing.T) {
	dir := tempLab(t, "01-squares", "squares", map[string]string{"squares.go": "package main\n"},
		map[string]string{"sum.txtar": "# The total counts every square.\nsquares -n $N\nwant squares $N\n"})
	for _, tc := range []struct {
		name    string
		run     protocol.Run
		failure string
	}{
		{"log.Fatal", protocol.Run{Exit: 1, Stderr: "2026/12/06 10:00:00 squares: no input\n"}, "the program exited with status 1 (fail)"},
		{"indented stderr", protocol.Run{Exit: 3, Stderr: "squares: bad input:\n\tline 1: x\n  line 2: y\n"}, "the program exited with status 3 (fail)"},
		{"limit", protocol.Run{Exit: -1, Limit: protocol.LimitOutput, Stdout: "x\n", Stderr: "\nracelab: limit: the program printed more than 1048576 bytes and was stopped\n"},
			"the program was stopped: it printed more than the lab allows (output-limit)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := "=== RUN   TestLab/scripts/sum\n" +
				"    testscript.go:609: WORK=$WORK\n" +
				"        # The total counts every square. (0.080s)\n" +
				"        > squares -n $N\n"
			if tc.run.Stdout != "" {
				text += "        [stdout]\n" + indentLog(tc.run.Stdout)
			}
			if tc.run.Stderr != "" {
				text += "        [stderr]\n" + indentLog(tc.run.Stderr)
			}
			text += "        FAIL: testdata/sum.txtar:2: " + tc.failure + "\n--- FAIL: TestLab/scripts/sum (0.09s)\n"
			verdict := &protocol.Verdict{Scripts: []protocol.Script{{Name: "sum", Runs: []protocol.Run{tc.run}, Failure: tc.failure}}}
			var renders []string
			for _, in := range []Input{{Output: text}, {Verdict: verdict}} {
				in.ProgramDir, in.Editable, in.Fix = dir, []string{"squares.go"}, []string{"waitgroup"}
				ps := Parse(in)
				if len(ps) != 1 || ps[0].Kind != Script || ps[0].Message != tc.failure || ps[0].Check != "The total counts every square." {
					t.Fatalf("want the failed check: %+v", ps)
				}
				if lines := outputLines(tc.run.Stderr); !slices.Equal(ps[0].Got, lines) || len(lines) > 0 && ps[0].Stream != "stderr" {
					t.Errorf("shows %s %q, want the run's stderr %q", ps[0].Stream, ps[0].Got, lines)
				}
				en := render(t, ps, i18n.EN)
				mustContain(t, en, "A check failed: The total counts every square.", tc.failure, "Run the program yourself")
				renders = append(renders, en+render(t, ps, i18n.ID))
			}
			if renders[0] != renders[1] {
				t.Errorf("the text explains:\n%s\nthe verdict explains:\n%s", renders[0], renders[1])
			}
		})
	}
}

// indentLog indents a program's output as testscript's log in go test -v
// does.
func indentLog(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		b.WriteString("        " + l + "\n")
	}
	return b.String()
}

// The grader explains a submission it never wrote into the lab: Files
// stand in for the program folder's files.
func TestFilesStandIn(t *testing.T) {
	in := load(t, "01-waitgroup.verdict.json")
	data, err := os.ReadFile(filepath.Join(in.ProgramDir, "squares.go"))
	if err != nil {
		t.Fatal(err)
	}
	in.Files = map[string][]byte{"squares.go": []byte(strings.Replace(string(data), "squares[i] = square(i)", "squares[i] = square(i) // mine", 1))}
	p := first(t, Parse(in), Race)
	for _, a := range p.Accesses {
		if a.At.String() == "squares.go:21" && a.At.Source != "squares[i] = square(i) // mine" {
			t.Errorf("the source shown is not the submission's: %q", a.At.Source)
		}
	}
}

// Without the lab's folder a verdict is still explained: places without
// source, checks without their description.
func TestVerdictWithoutLab(t *testing.T) {
	for _, name := range []string{"01-waitgroup", "84-debug", "96-mirrors", "99-tickets"} {
		t.Run(name, func(t *testing.T) {
			in := load(t, name+".verdict.json")
			want := Parse(in)
			in.ProgramDir = ""
			got := Parse(in)
			if len(got) != len(want) {
				t.Fatalf("%d problems without the lab, %d with it", len(got), len(want))
			}
			for i := range got {
				if got[i].Kind != want[i].Kind || got[i].Check != "" {
					t.Errorf("problem %d: %s with check %q, want %s with none", i, got[i].Kind, got[i].Check, want[i].Kind)
				}
			}
			for _, lang := range []i18n.Lang{i18n.EN, i18n.ID} {
				checkHidden(t, render(t, got, lang))
			}
		})
	}
}

func TestPassedVerdict(t *testing.T) {
	v := &protocol.Verdict{Lab: "01-waitgroup", Passed: true, Scripts: []protocol.Script{
		{Name: "sum", Passed: true, Runs: []protocol.Run{{Exit: protocol.ExitChecked, Stdout: "sum of squares below 10 = 285\n"}}},
		// A run the script expected to fail: its report is no problem.
		{Name: "bad", Passed: true, Runs: []protocol.Run{{Exit: 2, Stderr: "panic: no\n\ngoroutine 1 [running]:\nmain.run()\n\tsquares/squares.go:3 +0x1\n"}}},
	}}
	if ps := Parse(Input{Verdict: v, Editable: []string{"squares.go"}}); len(ps) != 0 {
		t.Errorf("a passed verdict has problems: %+v", ps)
	}
}

// A script that expects a run to fail (! prog) and then checks its
// stderr fails on the check, not on the run it expected to fail.
func TestExpectedFailure(t *testing.T) {
	dir := tempLab(t, "01-squares", "squares", map[string]string{"squares.go": "package main\n"},
		map[string]string{"usage.txtar": "# A bad flag is refused.\n! squares -n x\nstderr 'invalid value'\n"})
	panicked := "panic: no\n\ngoroutine 1 [running]:\nmain.run()\n\tsquares/squares.go:1 +0x1\n"
	v := &protocol.Verdict{Scripts: []protocol.Script{{Name: "usage", Runs: []protocol.Run{{Exit: 2, Stderr: panicked}}}}}
	ps := Parse(Input{Verdict: v, ProgramDir: dir, Editable: []string{"squares.go"}})
	if len(ps) != 1 || ps[0].Kind != Script || ps[0].Message != "no match for `invalid value` found in stderr" || ps[0].Check != "A bad flag is refused." {
		t.Errorf("want the failed stderr check: %+v", ps)
	}
}

// A check the verdict path cannot evaluate (cmp, a pattern with a
// variable) still fails its script: the section's comment says what
// failed, or, without the lab, the script's name.
func TestCheckNotEvaluated(t *testing.T) {
	dir := tempLab(t, "01-squares", "squares", map[string]string{"squares.go": "package main\n"},
		map[string]string{"sum.txtar": "# The output is the expected one.\nsquares -n 3\ncmp stdout want.txt\n-- want.txt --\n5\n"})
	v := &protocol.Verdict{Scripts: []protocol.Script{{Name: "sum", Runs: []protocol.Run{{Exit: protocol.ExitChecked, Stdout: "4\n"}}}}}
	for _, tc := range []struct {
		dir, check, msg, title string
	}{
		{dir, "The output is the expected one.", "", "A check failed: The output is the expected one.\n   What to do:"},
		{"", "", "testdata/sum.txtar", "A check failed: testdata/sum.txtar\n   What to do:"},
	} {
		ps := Parse(Input{Verdict: v, ProgramDir: tc.dir, Editable: []string{"squares.go"}})
		if len(ps) != 1 || ps[0].Kind != Script || ps[0].Check != tc.check || ps[0].Message != tc.msg {
			t.Errorf("with the lab at %q: %+v", tc.dir, ps)
			continue
		}
		mustContain(t, render(t, ps, i18n.EN), tc.title)
	}
}
