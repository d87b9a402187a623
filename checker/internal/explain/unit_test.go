package explain

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/racelab/racelab/checker/internal/i18n"
	"github.com/racelab/racelab/checker/protocol"
)

// TestNaiveConcatenation checks the other way to feed go test -json to
// Parse: the Output fields concatenated in stream order, where parallel
// scripts' lines interleave (a "--- FAIL" of one lands in the middle of
// another's race report). The same problems must come out, seen as many
// times (which script's report comes first may change, and with it the
// goroutine numbers shown).
func TestNaiveConcatenation(t *testing.T) {
	for _, capture := range []string{"01-waitgroup.json", "91-tally.json", "96-mirrors.json", "97-transfer.json", "99-tickets.json"} {
		t.Run(capture, func(t *testing.T) {
			in := load(t, capture)
			data, err := os.ReadFile(filepath.Join("testdata", "captures", capture))
			if err != nil {
				t.Fatal(err)
			}
			var naive strings.Builder
			sc := bufio.NewScanner(bytes.NewReader(data))
			for sc.Scan() {
				var e struct{ Output string }
				if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
					t.Fatal(err)
				}
				naive.WriteString(e.Output)
			}
			summary := func(ps []Problem) string {
				var lines []string
				for _, p := range ps {
					lines = append(lines, p.key()+" ×"+strconv.Itoa(p.Count))
				}
				slices.Sort(lines)
				return strings.Join(lines, "\n")
			}
			want := summary(Parse(in))
			in.Output = naive.String()
			if got := summary(Parse(in)); got != want {
				t.Errorf("grouped by test:\n%s\nnaively concatenated:\n%s", want, got)
			}
		})
	}
}

func TestTestOutputGroupsByTest(t *testing.T) {
	stream := strings.Join([]string{
		`{"ImportPath":"x","Action":"build-output","Output":"# x\n"}`,
		`{"Action":"output","Test":"T/a","Output":"a1\n"}`,
		`{"Action":"output","Test":"T/b","Output":"b1\n"}`,
		`{"Action":"output","Test":"T/a","Output":"a2\n"}`,
		`not json at all`,
		`{"Action":"pass","Test":"T/a"}`,
		`{"Action":"output","Test":"T/b","Output":"b2\n"}`,
	}, "\n")
	got, err := TestOutput(strings.NewReader(stream))
	if err != nil {
		t.Fatal(err)
	}
	if want := "# x\na1\na2\nb1\nb2\nnot json at all\n"; got != want {
		t.Errorf("TestOutput = %q, want %q", got, want)
	}
}

func TestStudentPaths(t *testing.T) {
	src := newSources("/somewhere/labs/03-mutex/bank", nil, []string{"bank.go"})
	for _, tc := range []struct {
		path string
		ok   bool
	}{
		{"/x/y/labs/03-mutex/bank/bank.go", true},
		{"github.com/racelab/racelab/labs/03-mutex/bank/bank.go", true},
		{"labs/03-mutex/bank/bank.go", true}, // go build ./labs/03-mutex/bank from the root
		{"bank/bank.go", true},               // the judge's build, in the lab's folder
		{"./bank.go", true},                  // go/packages, in the program's folder
		{"bank.go", true},
		{`C:\Users\ana\racelab\labs\03-mutex\bank\bank.go`, true},
		{"C:/Users/ana/racelab/labs/03-mutex/bank/bank.go", true},
		{"/x/y/labs/03-mutex/bank.go", false}, // the old layout's place: not the program's folder
		{"/x/y/solutions/03-mutex/bank.go", false},
		{"/x/y/labs/04-other/bank/bank.go", false},
		{"/x/y/labs/03-mutex/ledger/bank.go", false}, // another package of the lab
		{"/x/y/labs/03-mutex/bank/lab_test.go", false},
		{"github.com/racelab/racelab/labs/internal/program/program.go", false},
		{"/usr/local/go/src/runtime/chan.go", false},
	} {
		base, ok := src.student(tc.path)
		if ok != tc.ok || ok && base != "bank.go" {
			t.Errorf("student(%q) = %q, %v; want %v", tc.path, base, ok, tc.ok)
		}
	}
}

func TestShortFunc(t *testing.T) {
	for in, want := range map[string]string{
		"github.com/racelab/racelab/labs/94-method.(*Account).Deposit": "(*Account).Deposit",
		"github.com/racelab/racelab/labs/01-waitgroup.main.func1":      "main.func1",
		"main.main.func1":         "main.func1",
		"main.run":                "run",
		"main.run.func1":          "run.func1",
		"main.(*Account).Deposit": "(*Account).Deposit",
		"main.transfer":           "transfer",
		"example.com/x.Do":        "Do",
	} {
		if got := shortFunc(in); got != want {
			t.Errorf("shortFunc(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestHidden: racelab's own frames, the runtime's and the fixture's main
// are machinery; the student's and the fixture's other functions are not.
func TestHidden(t *testing.T) {
	for _, tc := range []struct {
		fn, file string
		hidden   bool
	}{
		{"main.run", "github.com/racelab/racelab/labs/01-waitgroup/squares/squares.go", false},
		{"main.run.func1", "github.com/racelab/racelab/labs/01-waitgroup/squares/squares.go", false},
		{"main.(*Bank).Deposit", "/home/ana/racelab/labs/03-mutex/bank/bank.go", false},
		{"github.com/racelab/racelab/labs/03-mutex/customers.Random", "github.com/racelab/racelab/labs/03-mutex/customers/customers.go", false},
		{"main.main", "github.com/racelab/racelab/labs/01-waitgroup/squares/main.go", true},
		{"github.com/racelab/racelab/labs/internal/program.judged", "github.com/racelab/racelab/labs/internal/program/program.go", true},
		{"github.com/racelab/racelab/labs/internal/program.Main", "github.com/racelab/racelab/labs/internal/program/program.go", true},
		{"github.com/racelab/racelab/labs/internal/overlap.Work", "github.com/racelab/racelab/labs/internal/overlap/overlap.go", true},
		{"runtime.chansend", "runtime/chan.go", true},
		{"internal/sync.(*Mutex).Lock", "internal/sync/mutex.go", true},
		{"sync.(*WaitGroup).Wait", "sync/waitgroup.go", true},
		{"go.uber.org/goleak.Find", "go.uber.org/goleak@v1.3.0/leaks.go", true},
	} {
		if got := hidden(frame{fn: tc.fn, file: tc.file}); got != tc.hidden {
			t.Errorf("hidden(%s in %s) = %v, want %v", tc.fn, tc.file, got, tc.hidden)
		}
	}
}

func TestRenderColour(t *testing.T) {
	ps := Parse(load(t, "01-waitgroup.json"))
	var plain, colour strings.Builder
	if err := Render(&plain, ps, i18n.EN, false, 0); err != nil {
		t.Fatal(err)
	}
	if err := Render(&colour, ps, i18n.EN, true, 0); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain.String(), "\x1b[") {
		t.Error("colour without being asked for")
	}
	if !strings.Contains(colour.String(), "\x1b[1;31m") || !strings.Contains(colour.String(), "\x1b[36msquares.go:21\x1b[0m") {
		t.Errorf("no colour when asked for:\n%q", colour.String())
	}
	stripped := regexp.MustCompile("\x1b\\[[0-9;]*m").ReplaceAllString(colour.String(), "")
	if stripped != plain.String() {
		t.Errorf("colour changed the text:\n%s\nvs\n%s", stripped, plain.String())
	}
}

func TestRenderNothing(t *testing.T) {
	ps := Parse(Input{Output: "=== RUN   TestLab\n--- PASS: TestLab (0.31s)\nPASS\nok  \tgithub.com/racelab/racelab/labs/01-waitgroup\t0.5s\n", ProgramDir: "x/01-waitgroup/squares", Editable: []string{"squares.go"}})
	if len(ps) != 0 {
		t.Errorf("a passing run has problems: %+v", ps)
	}
	var b strings.Builder
	if err := Render(&b, nil, i18n.EN, false, 0); err != nil || b.Len() != 0 {
		t.Errorf("Render(nil) wrote %q, %v", b.String(), err)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

func TestRenderReportsWriteErrors(t *testing.T) {
	err := Render(failWriter{}, Parse(load(t, "01-waitgroup.json")), i18n.EN, false, 0)
	if err == nil || !strings.Contains(err.Error(), "writing the explanation") {
		t.Errorf("Render to a failing writer: %v", err)
	}
}

// TestGlobalLocation: when the race detector says which global it was,
// that settles the name, whatever else the lines mention.
func TestGlobalLocation(t *testing.T) {
	in := load(t, "91-tally.json")
	in.Output = strings.Join([]string{
		"WARNING: DATA RACE",
		"Read at 0x000000cdcc80 by goroutine 14:",
		"  main.run.func1()",
		"      github.com/racelab/racelab/labs/91-tally/tally/tally.go:29 +0xef",
		"",
		"Previous write at 0x000000cdcc80 by goroutine 16:",
		"  main.run.func1()",
		"      github.com/racelab/racelab/labs/91-tally/tally/tally.go:29 +0x107",
		"",
		"Location is global 'main.ballots' of size 8 at 0x000000cdcc80 (tally+0xcdcc80)",
		"",
		"Goroutine 14 (running) created at:",
		"  main.run()",
		"      github.com/racelab/racelab/labs/91-tally/tally/tally.go:25 +0x1aa",
		"  github.com/racelab/racelab/labs/internal/program.judged()",
		"      github.com/racelab/racelab/labs/internal/program/program.go:109 +0x45e",
		"  main.main()",
		"      github.com/racelab/racelab/labs/91-tally/tally/main.go:9 +0x24",
		"==================",
	}, "\n")
	ps := Parse(in)
	if len(ps) != 1 || ps[0].Var != "ballots" || ps[0].Accesses[0].Var != "ballots" || ps[0].Accesses[1].Var != "ballots" {
		t.Errorf("race on a global: %+v", ps)
	}
	if ps[0].Accesses[0].Created.String() != "tally.go:25" || !ps[0].Accesses[1].Created.IsZero() {
		t.Errorf("only goroutine 14's creation is in the report: %+v", ps[0].Accesses)
	}
}

// TestCycleWithoutArguments: when the traceback does not print the
// function's arguments (an inlined frame prints "..."), the held locks'
// addresses are unknown; two goroutines that each hold a lock and wait
// for a different one are still shown as a cycle.
func TestCycleWithoutArguments(t *testing.T) {
	in := load(t, "97-transfer.json")
	in.Output = regexp.MustCompile(`transfer\(0x[^)]*\)`).ReplaceAllString(in.Output, "transfer(...)")
	p := first(t, Parse(in), Deadlock)
	if len(p.Cycle) != 2 {
		t.Errorf("no cycle found without the arguments: %+v", p)
	}
}

// TestNoProgramDir: without the program's folder, files are matched by
// name and shown without source.
func TestNoProgramDir(t *testing.T) {
	in := load(t, "01-waitgroup.json")
	in.ProgramDir = ""
	ps := Parse(in)
	p := first(t, ps, Race)
	if p.Accesses[0].At.String() != "squares.go:21" || p.Accesses[0].At.Source != "" || p.Accesses[0].Var != "" {
		t.Errorf("race without sources: %+v", p.Accesses[0])
	}
	text := render(t, ps, i18n.ID)
	mustContain(t, text, "squares.go:21  goroutine", "sebuah variabel bersama")
	checkHidden(t, text)
}

// TestAdviceFollowsFixKinds: the same race gets the advice of the tool
// the lab teaches.
func TestAdviceFollowsFixKinds(t *testing.T) {
	for _, tc := range []struct {
		fix  []string
		want i18n.Key
		text string
	}{
		{[]string{"waitgroup"}, i18n.AdviceRaceWaitGroup, "sync.WaitGroup"},
		{[]string{"mutex"}, i18n.AdviceRaceMutex, "Lock the same sync.Mutex around every access to squares"},
		{[]string{"rwmutex"}, i18n.AdviceRaceRWMutex, "RLock"},
		{[]string{"atomic"}, i18n.AdviceRaceAtomic, "Make squares an atomic value"},
		{[]string{"channel"}, i18n.AdviceRaceChannel, "over a channel"},
		{[]string{"once"}, i18n.AdviceRaceOnce, "sync.Once"},
		{[]string{"any"}, i18n.AdviceRaceAny, "a WaitGroup, a mutex, a channel or an atomic"},
		{[]string{"waitgroup", "channel"}, i18n.AdviceRaceSome, "with a sync.WaitGroup or a channel"},
		{[]string{"mutex", "rwmutex", "atomic"}, i18n.AdviceRaceSome, "with a sync.Mutex, a sync.RWMutex or sync/atomic"},
	} {
		in := load(t, "01-waitgroup.json")
		in.Fix = tc.fix
		ps := Parse(in)
		p := first(t, ps, Race)
		if p.Advice != tc.want {
			t.Errorf("fix %v: advice %s, want %s", tc.fix, p.Advice, tc.want)
		}
		mustContain(t, render(t, ps, i18n.EN), tc.text)
	}
}

// A goroutine blocked inside racelab's fixture machinery waits for what
// the machinery stands for, not on a channel of the student's: the late
// answer (overlap.Late), or the other tasks in the slow step
// (overlap.Work, Window). A deadlock of only such waits gets the advice
// that fits it.
func TestWaitInTheFixture(t *testing.T) {
	const ov = "github.com/racelab/racelab/labs/internal/overlap."
	for _, tc := range []struct {
		fn   string
		want Wait
	}{
		{ov + "Late", WaitLate},
		{ov + "(*late).wait", WaitLate},
		{ov + "(*barrier).work", WaitStep},
		{ov + "(*gathering).enter", WaitStep},
		{"main.fetch", WaitReceive},
	} {
		frames := []frame{{fn: "runtime.gopark"}, {fn: tc.fn}, {fn: "main.run"}}
		if got := waitOf("chan receive", frames); got != tc.want {
			t.Errorf("%s: waitOf = %s, want %s", tc.fn, got, tc.want)
		}
	}
	step := &Problem{Kind: Deadlock, Goroutines: []Goroutine{{ID: 6, Wait: WaitStep}, {ID: 1, Main: true, Wait: WaitWaitGroup}}}
	if got := deadlockAdvice(step); got != i18n.AdviceSerialGo {
		t.Errorf("tasks waiting only in the slow step: advice %s, want %s", got, i18n.AdviceSerialGo)
	}
	late := &Problem{Kind: Deadlock, Goroutines: []Goroutine{{ID: 6, Wait: WaitLate}, {ID: 1, Main: true, Wait: WaitReceive}}}
	if got := deadlockAdvice(late); got != i18n.AdviceDeadlockLate {
		t.Errorf("waiting for the late answer: advice %s, want %s", got, i18n.AdviceDeadlockLate)
	}
	mixed := &Problem{Kind: Deadlock, Goroutines: []Goroutine{{ID: 6, Wait: WaitStep}, {ID: 7, Wait: WaitLock}}}
	if got := deadlockAdvice(mixed); got != i18n.AdviceDeadlockLock {
		t.Errorf("a lock waited on besides the step: advice %s, want %s", got, i18n.AdviceDeadlockLock)
	}
}

// Only stderr that is all the lab's own report is told as one; a debugging
// print of the student's beside it keeps the usual words.
func TestAudit(t *testing.T) {
	for _, tc := range []struct {
		lines []string
		audit bool
		shown []string
	}{
		{[]string{protocol.MarkAudit + " auditor: money gone"}, true, []string{"auditor: money gone"}},
		{[]string{protocol.MarkAudit + " auditor: a", "\tgoroutine 7", "…"}, true, []string{"auditor: a", "\tgoroutine 7", "…"}},
		{[]string{"debug: here", protocol.MarkAudit + " auditor: a"}, false, nil},
		{[]string{protocol.MarkAudit + " auditor: a", "debug: here"}, false, nil},
		{[]string{"  indented print"}, false, nil},
		{nil, false, nil},
	} {
		audit, shown := audit(tc.lines)
		if audit != tc.audit {
			t.Errorf("audit(%q) = %v, want %v", tc.lines, audit, tc.audit)
		}
		if tc.audit && !slices.Equal(shown, tc.shown) {
			t.Errorf("audit(%q) shows %q, want %q", tc.lines, shown, tc.shown)
		}
		if !tc.audit && !slices.Equal(shown, tc.lines) {
			t.Errorf("audit(%q) changed the lines to %q", tc.lines, shown)
		}
	}
}
