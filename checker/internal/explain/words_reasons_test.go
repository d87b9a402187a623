package explain

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/racelab/racelab/checker/internal/i18n"
	"github.com/racelab/racelab/checker/protocol"
)

// checkWords checks what a student reads of ps: every problem has its
// advice, and in both languages, on no terminal and on narrow and wide
// ones, every placeholder is filled, nothing of the machinery shows, and
// every line fits the terminal.
func checkWords(t *testing.T, ps []Problem) (en, id string) {
	t.Helper()
	for _, p := range ps {
		if p.Advice == "" {
			t.Errorf("%s: no advice", p.Kind)
		}
	}
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ID} {
		for _, width := range goldenWidths {
			text := renderAt(t, ps, lang, width)
			checkHidden(t, text)
			for _, bad := range []string{"%!", "%s", "%d", "%[", "RACELAB_", "$N"} {
				if strings.Contains(text, bad) {
					t.Errorf("%s at %d: %q left in:\n%s", lang, width, bad, text)
				}
			}
			if width > 0 {
				checkWidth(t, text, width)
			}
		}
	}
	return render(t, ps, i18n.EN), render(t, ps, i18n.ID)
}

// explainFinding explains the static finding f of the student's files in
// dir both ways the judge hands it over (in its verdict, and in the test
// output it prints), checks what each parses to with check, and returns the
// English and Indonesian words, which must be the same both ways and never
// headed as a bare wrong fix.
func explainFinding(t *testing.T, dir string, editable, fix []string, f protocol.Finding, check func(ps []Problem)) (en, id string) {
	t.Helper()
	text := "=== RUN   TestLab/static\n    steps.go:32: " + protocol.MarkStatic + " " + f.String() + "\n--- FAIL: TestLab/static (0.50s)\n"
	var renders []string
	for _, in := range []Input{{Verdict: &protocol.Verdict{Reasons: []protocol.Reason{protocol.WrongFix}, Static: []protocol.Finding{f}}}, {Output: text}} {
		in.ProgramDir, in.Editable, in.Fix = dir, editable, fix
		ps := Parse(in)
		check(ps)
		en, id = checkWords(t, ps)
		if strings.Contains(en, "Wrong fix") {
			t.Errorf("headed as a bare wrong fix:\n%s", en)
		}
		renders = append(renders, en+id)
	}
	if renders[0] != renders[1] {
		t.Errorf("the verdict explains:\n%s\nthe text explains:\n%s", renders[0], renders[1])
	}
	return en, id
}

// labvet's loadstore finding (an atomic Load whose value a separate Store
// writes back) is told as a read-modify-write split in two, with both
// lines, and pointed at Add, CompareAndSwap or a lock.
func TestLoadStoreFinding(t *testing.T) {
	src := "package main\n\n" +
		"var visits atomic.Int64\n\n" +
		"func run() {\n" + // 5
		"\tgo func() {\n" + // 6
		"\t\tv := visits.Load()\n" + // 7
		"\t\tvisits.Store(v + 1)\n" + // 8
		"\t}()\n}\n"
	dir := tempLab(t, "16-atomic", "visits", map[string]string{"visits.go": src}, nil)
	msg := "visits stores a value computed from visits's Load on line 7: another goroutine's update between the two is lost, as with a plain ++. Make it one atomic step: Add, or a CompareAndSwap loop"
	f := protocol.Finding{File: "visits.go", Line: 8, Column: 3, Check: "loadstore", Message: msg}
	en, id := explainFinding(t, dir, []string{"visits.go"}, []string{"atomic"}, f, func(ps []Problem) {
		if len(ps) != 1 || ps[0].StaticCheck != vetLoadStore || ps[0].Var != "visits" || ps[0].At.String() != "visits.go:8" ||
			ps[0].Cause.String() != "visits.go:7" || ps[0].Advice != i18n.AdviceLoadStore {
			t.Fatalf("want one loadstore finding on visits, Load at line 7, Store at 8: %+v", ps)
		}
	})
	mustContain(t, en, "A read-modify-write of visits split in two",
		"visits.go:7  here Load reads visits", "v := visits.Load()",
		"visits.go:8  and here a separate Store writes back a value computed from it", "as with a plain visits++",
		"the race detector stays silent", "Add for a count or a sum, a CompareAndSwap loop", "sync.Mutex")
	mustContain(t, id, "Baca-ubah-tulis visits yang terbelah dua", "di sini Load membaca visits",
		"Store yang terpisah menulis kembali", "race detector diam saja", "loop CompareAndSwap")
}

// labvet's spin findings (a loop that waits by checking again and again)
// are told as a loop that spins, at the loop or its select, whatever the
// runs did: a poll and a select point at blocking on a channel, a Cond or
// a WaitGroup, a TryLock loop at Lock.
func TestSpinFinding(t *testing.T) {
	src := "package main\n\n" +
		"func run() {\n" + // 3
		"\tfor finished.Load() < n {\n" + // 4
		"\t}\n" + // 5
		"\tfor !mu.TryLock() {\n" + // 6
		"\t}\n" + // 7
		"\tfor got := 1; got < n; {\n" + // 8
		"\t\tselect {\n" + // 9
		"\t\tcase <-answers:\n\t\t\tgot++\n\t\tdefault:\n\t\t}\n\t}\n}\n"
	dir := tempLab(t, "06-waitgroup", "squares", map[string]string{"squares.go": src}, nil)
	for _, tc := range []struct {
		name, msg, at string
		line          int
		advice        i18n.Key
		en, id        []string
	}{
		{"poll", "this loop polls finished.Load() < n: nothing in it blocks, so it keeps a CPU core busy until another goroutine changes it; wait on a channel, a WaitGroup or a sync.Cond instead",
			"squares.go:4", 4, i18n.AdviceBusyWait,
			[]string{"A loop that waits by spinning", "this loop checks finished.Load() < n over and over", "for finished.Load() < n {", "keeps a CPU core busy", "receive from a channel"},
			[]string{"Loop yang menunggu sambil terus berputar", "loop ini memeriksa finished.Load() < n berulang-ulang", "satu core CPU sibuk"}},
		{"trylock", "this loop retries mu.TryLock() until it gets the lock: nothing in it blocks, so it keeps a CPU core busy while another goroutine holds it; call Lock, which blocks, instead",
			"squares.go:6", 6, i18n.AdviceSpinLock,
			[]string{"this loop calls mu.TryLock() over and over until it gets the lock", "Take the lock with Lock (RLock for a reader)"},
			[]string{"loop ini memanggil mu.TryLock() berulang-ulang", "Ambil kuncinya dengan Lock"}},
		{"select", "the default case lets the loop around this select come straight back: it never blocks, so it keeps a CPU core busy until a case is ready; drop the default so that the select waits",
			"squares.go:9", 9, i18n.AdviceBusyWait,
			[]string{"whenever no case of this select is ready, its default case sends the loop straight round again", "no select with a default"},
			[]string{"case default-nya langsung memutar loop lagi", "jangan pakai select dengan default"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := protocol.Finding{File: "squares.go", Line: tc.line, Column: 2, Check: "spin", Message: tc.msg}
			en, id := explainFinding(t, dir, []string{"squares.go"}, []string{"waitgroup"}, f, func(ps []Problem) {
				if len(ps) != 1 || ps[0].StaticCheck != vetSpin || ps[0].At.String() != tc.at || ps[0].Advice != tc.advice {
					t.Fatalf("want one spin finding at %s with %s: %+v", tc.at, tc.advice, ps)
				}
			})
			mustContain(t, en, tc.en...)
			mustContain(t, id, tc.id...)
		})
	}
}

// A goroutine that kept running while the program waited for it to block
// is told as spinning: the select with a default (or the loop) it goes
// round, where it was started, and what to block on instead. When it ran
// on another thread its stack is not shown, and the go statement leads to
// the loop.
func TestBusyWait(t *testing.T) {
	src := "package main\n\n" +
		"func run() {\n" + // 3
		"\tquit := make(chan struct{})\n" + // 4
		"\tgo func() {\n" + // 5
		"\t\tfor {\n" + // 6
		"\t\t\tselect {\n" + // 7
		"\t\t\tcase <-quit:\n" + // 8
		"\t\t\t\treturn\n" + // 9
		"\t\t\tdefault:\n" + // 10
		"\t\t\t\tticks++\n" + // 11
		"\t\t\t}\n\t\t}\n\t}()\n" + // 12-14
		"\tgo poll()\n" + // 15
		"\tstopSoon()\n\tclose(quit)\n}\n\n" + // 16-18
		"func poll() {\n" + // 20
		"\tfor !stopped.Load() {\n" + // 21
		"\t}\n}\n"
	dir := tempLab(t, "09-busy-wait", "ticker", map[string]string{"ticker.go": src},
		map[string]string{"stop.txtar": "# The worker stops when told.\n# id: Pekerja berhenti saat diminta.\nenv RACELAB_SETTLE=2s\nticker\n"})
	const path = "github.com/racelab/racelab/labs/09-busy-wait/ticker/ticker.go"
	report := protocol.MarkBusyWait + " a goroutine kept running for 2s while the program waited for it to block: it spins (a loop that polls, a select with a default) instead of waiting on a channel, a lock or a WaitGroup. It was here:\n"
	for _, tc := range []struct {
		name, dump string
		at, goAt   string
		sel        bool
		en, id     []string
	}{
		{"select with default, its stack shown", "goroutine 7 gp=0xc000 m=nil [runnable]:\nmain.run.func1()\n\t" + path + ":11 +0x4c\ncreated by main.run in goroutine 1\n\t" + path + ":5 +0x7d\n",
			"ticker.go:7", "ticker.go:5", true,
			[]string{"A goroutine waits by spinning", "ticker.go:7  goroutine 7 goes round this select, whose default case lets it go on at once: it never blocks", "ticker.go:5  goroutine 7 was started here",
				"receive from a channel that is closed", "sync.Cond", "no select with a default"},
			[]string{"Ada goroutine yang menunggu sambil terus berputar", "goroutine 7 terus berputar di select ini", "sync.WaitGroup"}},
		{"a loop polling a flag, on another thread", "goroutine 9 [running]:\n\tgoroutine running on other thread; stack unavailable\ncreated by main.run in goroutine 1\n\t" + path + ":15 +0x7d\n",
			"ticker.go:21", "ticker.go:15", false,
			[]string{"ticker.go:21  goroutine 9 goes round and round this loop while it waits: nothing in it blocks", "ticker.go:15  goroutine 9 was started here",
				"no loop that polls a flag"},
			[]string{"goroutine 9 terus berputar di loop ini selama menunggu", "jangan pakai loop yang terus memeriksa flag"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := &protocol.Verdict{Reasons: []protocol.Reason{protocol.BusyWait}, Scripts: []protocol.Script{{
				Name: "stop", Reasons: []protocol.Reason{protocol.BusyWait},
				Runs:    []protocol.Run{{Exit: protocol.ExitBusyWait, Stderr: report + tc.dump}},
				Failure: "the program exited with status 73 (busy-wait)",
			}}}
			in := Input{Verdict: v, ProgramDir: dir, Editable: []string{"ticker.go"}, Fix: []string{"channel"}}
			ps := Parse(in)
			checkHeadline(t, v, ps)
			p := first(t, ps, BusyWait)
			if len(ps) != 1 || p.At.String() != tc.at || p.SpinSelect != tc.sel || p.Waited != "2s" || len(p.Goroutines) != 1 ||
				p.Goroutines[0].Created.String() != tc.goAt || p.Advice != i18n.AdviceBusyWait {
				t.Fatalf("busy wait at %s (select %v), started at %s: %+v", tc.at, tc.sel, tc.goAt, ps)
			}
			checkInvariants(t, in, ps)
			en, id := checkWords(t, ps)
			mustContain(t, en, append(tc.en, "Check: The worker stops when told.", "keeps a CPU core busy")...)
			mustContain(t, id, append(tc.id, "Pemeriksaan: Pekerja berhenti saat diminta.")...)
		})
	}
	// Without the program's report (the judge's reason alone), the words
	// are still those of a busy wait.
	v := &protocol.Verdict{Reasons: []protocol.Reason{protocol.BusyWait}, Scripts: []protocol.Script{{
		Name: "stop", Runs: []protocol.Run{{Exit: protocol.ExitBusyWait}}, Failure: "the program exited with status 73 (busy-wait)",
	}}}
	ps := Parse(Input{Verdict: v, ProgramDir: dir, Editable: []string{"ticker.go"}})
	checkHeadline(t, v, ps)
	en, _ := checkWords(t, ps)
	mustContain(t, en, "A goroutine waits by spinning", "Let the goroutine block until it is told")
}

// testingLab writes a testing lab's lab.toml, scripts and the student's
// test, as labs/internal/judge/testdata/labs/06-testing has them.
func testingLab(t *testing.T) string {
	t.Helper()
	dir := tempLab(t, "31-testing", "counter", map[string]string{"counter_test.go": "package counter\n\nimport \"testing\"\n\nfunc TestInc(t *testing.T) {\n\tt.Fatal(\"no\")\n}\n"},
		map[string]string{
			"racy.txtar":    "# The test catches the race.\n# id: Tes menangkap race.\n! counter racy\n",
			"shipped.txtar": "# The test passes against the correct versions.\n# id: Tes lulus pada versi yang benar.\ncounter shipped\ncounter atomic\n",
		})
	toml := `title = { en = "x", id = "x" }
program = "counter"
editable = ["counter_test.go"]

[test]
implementation = "counter.go"

[[test.variant]]
name = "atomic"
correct = true

[[test.variant]]
name = "racy"
about = { en = "Inc updates the count without a lock", id = "Inc mengubah hitungan tanpa kunci" }
`
	if err := os.WriteFile(filepath.Join(dir, "..", "lab.toml"), []byte(toml), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// A testing lab's verdicts: a test that passes a version with a bug is
// told which one and what its bug is (lab.toml's about, in the student's
// language), and how to make a test fail on it; one that fails a correct
// version is told that it checks internals, with what it printed. The
// judge's log says the same as its verdict.
func TestTestingLabVerdicts(t *testing.T) {
	dir := testingLab(t)
	missed := protocol.MarkMissed + " the test passes against racy, which has a bug: Inc updates the count without a lock"
	alarm := protocol.MarkFalseAlarm + " the test fails against atomic, which is correct (exit status 1): the test itself is wrong"
	testOut := "--- FAIL: TestInc (0.00s)\n    counter_test.go:14: Counter's first field is atomic.Int64, want a sync.Mutex\nFAIL\n"
	v := &protocol.Verdict{Reasons: []protocol.Reason{protocol.FalseAlarm, protocol.Missed}, Scripts: []protocol.Script{
		{Name: "racy", Reasons: []protocol.Reason{protocol.Missed}, Runs: []protocol.Run{{Args: []string{"racy"}, Exit: 0, Stdout: "PASS\n"}}, Failure: missed},
		{Name: "shipped", Reasons: []protocol.Reason{protocol.FalseAlarm}, Runs: []protocol.Run{{Args: []string{"shipped"}, Exit: 0, Stdout: "PASS\n"}, {Args: []string{"atomic"}, Exit: 1, Stdout: testOut}}, Failure: alarm},
	}}
	text := "=== RUN   TestLab/scripts/racy\n" +
		"    testscript.go:609: WORK=$WORK\n        HOME=/no-home\n        \n" +
		"        # The test catches the race.\n        # id: Tes menangkap race. (0.2s)\n" +
		"        > ! counter racy\n        [stdout]\n        PASS\n" +
		"        FAIL: testdata/racy.txtar:3: " + missed + "\n" +
		"=== RUN   TestLab/scripts/shipped\n" +
		"    testscript.go:609: WORK=$WORK\n        HOME=/no-home\n        \n" +
		"        # The test passes against the correct versions.\n        # id: Tes lulus pada versi yang benar. (0.3s)\n" +
		"        > counter shipped\n        [stdout]\n        PASS\n" +
		"        > counter atomic\n        [stdout]\n" +
		"        --- FAIL: TestInc (0.00s)\n            counter_test.go:14: Counter's first field is atomic.Int64, want a sync.Mutex\n        FAIL\n" +
		"        [exit status 1]\n" +
		"        FAIL: testdata/shipped.txtar:4: " + alarm + "\n"
	var renders []string
	for name, in := range map[string]Input{"verdict": {Verdict: v}, "text": {Output: text}} {
		t.Run(name, func(t *testing.T) {
			in.ProgramDir, in.Editable, in.Fix = dir, []string{"counter_test.go"}, []string{"any"}
			ps := Parse(in)
			if name == "verdict" {
				checkHeadline(t, v, ps)
			}
			if len(ps) != 2 || ps[0].Kind != FalseAlarm || ps[1].Kind != Missed {
				t.Fatalf("a false alarm, then a missed bug: %+v", ps)
			}
			m, a := ps[1], ps[0]
			if m.Variant != "racy" || m.About.ID != "Inc mengubah hitungan tanpa kunci" || m.Advice != i18n.AdviceMissed {
				t.Errorf("missed: %+v", m)
			}
			if a.Variant != "atomic" || len(a.Got) == 0 || a.Advice != i18n.AdviceFalseAlarm {
				t.Errorf("false alarm: %+v", a)
			}
			en, id := checkWords(t, ps)
			mustContain(t, en, "Your test misses a bug: it passes against racy", "Check: The test catches the race.",
				"racy has a bug: Inc updates the count without a lock.", "every one with a bug must fail it",
				"Make the test fail on this bug", "many goroutines at once", "-count", "goleak", "testing/synctest",
				"Your test fails against atomic, which is correct", "what your test printed:",
				"Counter's first field is atomic.Int64, want a sync.Mutex", "Check behaviour, not internals")
			if name == "verdict" {
				// The log's reader drops the testing package's framing
				// and t.Log's prefixes, the student's test's among them;
				// the verdict keeps what the test printed as it was.
				mustContain(t, en, "--- FAIL: TestInc", "counter_test.go:14: Counter's first field")
			}
			mustContain(t, id, "Tesmu melewatkan sebuah bug: tes itu lulus pada racy", "Pemeriksaan: Tes menangkap race.",
				"racy punya bug: Inc mengubah hitungan tanpa kunci.", "Buat tesnya gagal pada bug ini",
				"Tesmu gagal pada atomic, padahal versi itu benar", "Periksa perilaku, bukan bagian dalamnya")
			for _, text := range []string{en, id} {
				if strings.Contains(text, "ended before run returned") || strings.Contains(text, "berhenti sebelum run selesai") {
					t.Errorf("a test that passed is no program that exited early:\n%s", text)
				}
			}
			renders = append(renders, render(t, ps[1:], i18n.EN)+render(t, ps[1:], i18n.ID))
		})
	}
	if len(renders) == 2 && renders[0] != renders[1] {
		t.Errorf("the verdict and the text explain the missed bug differently:\n%s\n----\n%s", renders[0], renders[1])
	}

	// Given by the caller, the variants need no lab.toml; a variant the
	// lab does not describe keeps the judge's words.
	in := Input{Verdict: &protocol.Verdict{Scripts: v.Scripts[:1]}, ProgramDir: t.TempDir(), Editable: []string{"counter_test.go"}}
	ps := Parse(in)
	if len(ps) != 1 || ps[0].Kind != Missed || ps[0].About.EN != "Inc updates the count without a lock" {
		t.Fatalf("missed without the lab's variants: %+v", ps)
	}
	_, id := checkWords(t, ps)
	mustContain(t, id, "racy punya bug: Inc updates the count without a lock.")
}

// A test that hangs against a correct version of the code ran past its
// -test.timeout: the testing package's panic is told as the deadlock the
// judge's headline names, at the test's own line, and the fault is put
// on the test.
func TestTestingLabHang(t *testing.T) {
	dir := testingLab(t)
	const path = "github.com/racelab/racelab/labs/31-testing/counter/counter_test.go"
	stderr := "panic: test timed out after 20s\n\trunning tests:\n\t\tTestInc (20s)\n\n" +
		"goroutine 21 [chan receive]:\n" +
		"github.com/racelab/racelab/labs/31-testing/counter.TestInc(0xc000003340)\n\t" + path + ":6 +0x4c\n" +
		"testing.tRunner(0xc000003340, 0x5a1e28)\n\ttesting/testing.go:1792 +0xf4\n" +
		"created by testing.(*T).Run in goroutine 1\n\ttesting/testing.go:1851 +0x413\n"
	v := &protocol.Verdict{Reasons: []protocol.Reason{protocol.Deadlock}, Scripts: []protocol.Script{{
		Name: "shipped", Reasons: []protocol.Reason{protocol.Deadlock},
		Runs:    []protocol.Run{{Args: []string{"shipped", "-test.timeout=20s"}, Exit: 2, Stderr: stderr}},
		Failure: "the test never finishes against shipped, which is correct: it waits for something that never happens",
	}}}
	in := Input{Verdict: v, ProgramDir: dir, Editable: []string{"counter_test.go"}, Fix: []string{"any"}}
	ps := Parse(in)
	checkHeadline(t, v, ps)
	p := first(t, ps, Deadlock)
	if len(ps) != 1 || p.Watchdog != "20s" || p.Variant != "shipped" || len(p.Goroutines) != 1 || p.Goroutines[0].At.String() != "counter_test.go:6" {
		t.Fatalf("the test's hang: %+v", ps)
	}
	checkInvariants(t, in, ps)
	en, id := checkWords(t, ps)
	mustContain(t, en, "Deadlock: your test never finished (stopped after 20s)", "counter_test.go:6", "This happened against shipped, a correct version of the code: the fault is in the test.")
	mustContain(t, id, "Deadlock: tesmu tidak pernah selesai (dihentikan setelah 20s)", "Ini terjadi pada shipped, versi kode yang benar: kesalahannya ada di tes.")
	if strings.Contains(en, "test timed out") || strings.Contains(en, "panic") {
		t.Errorf("a hang told as a panic:\n%s", en)
	}
}

// The other split read-modify-writes labvet finds (a Swap or a lone
// CompareAndSwap of a Load's value, a decision on a Load after a discarded
// Add, a value read under a lock and written back under a later hold) are
// each told with both lines, in their own words, and the same way from the
// verdict and from the test's text.
func TestSplitUpdateFindings(t *testing.T) {
	tests := []struct {
		name, lab, check, msg string
		at, cause             string
		wantVar, wantCall     string
		advice                i18n.Key
		en, id                []string
	}{
		{
			name: "swap", lab: "16-atomic", check: "loadstore",
			msg: "visits swaps in a value computed from visits's Load on line 7: another goroutine's update between the two is lost, as with a plain ++. Make it one atomic step: Add, or a CompareAndSwap loop",
			at:  "visits.go:8", cause: "visits.go:7", wantVar: "visits", wantCall: "Swap", advice: i18n.AdviceLoadStore,
			en: []string{"A read-modify-write of visits split in two", "visits.go:7  here Load reads visits",
				"visits.go:8  and here a separate Swap writes back a value computed from it", "the race detector stays silent", "a CompareAndSwap loop"},
			id: []string{"Baca-ubah-tulis visits yang terbelah dua", "Swap yang terpisah menulis kembali", "loop CompareAndSwap"},
		},
		{
			name: "cas", lab: "16-atomic", check: "loadstore",
			msg: "visits compare-and-swaps, with no retry, a value computed from visits's Load on line 7: when another goroutine's update lands between the two, the CompareAndSwap fails and this update is lost. Retry the Load and the CompareAndSwap in a loop until it succeeds, or use Add",
			at:  "visits.go:8", cause: "visits.go:7", wantVar: "visits", wantCall: "CompareAndSwap", advice: i18n.AdviceLoadStore,
			en: []string{"A read-modify-write of visits split in two", "visits.go:7  here Load reads visits",
				"visits.go:8  and here a single CompareAndSwap writes a value computed from it, with no retry", "silently dropped",
				"only a complete update in a loop that loads again and retries"},
			id: []string{"satu CompareAndSwap menulis nilai yang dihitung darinya, tanpa diulang", "mencoba ulang sampai berhasil"},
		},
		{
			name: "add then load", lab: "10-send-close", check: "loadstore",
			msg: "visits decides on a Load made after its Add on line 7, whose result was thrown away: another goroutine's Add can land between the two, so two goroutines see the same value and another is seen by none. Decide on the value Add returns",
			at:  "visits.go:8", cause: "visits.go:7", wantVar: "visits", wantCall: "Add", advice: i18n.AdviceAddLoad,
			en: []string{"A decision on visits taken from a separate Load", "visits.go:7  here Add changes visits, and the new value it returns is thrown away",
				"visits.go:8  and here a separate Load reads visits again to decide", "that result is this goroutine's alone",
				"Decide on the value visits's Add returns"},
			id: []string{"Keputusan tentang visits diambil dari Load yang terpisah", "nilai baru yang dikembalikannya dibuang",
				"Load yang terpisah membaca visits lagi", "Putuskan berdasarkan nilai yang dikembalikan Add pada visits"},
		},
		{
			name: "split lock", lab: "12-gomaxprocs", check: "splitlock",
			msg: "visits is written from its value read under mu on line 7, in an earlier critical section: another goroutine can change visits while mu is unlocked between the two, and its update is lost. Read, change and write it in one critical section",
			at:  "visits.go:8", cause: "visits.go:7", wantVar: "visits", wantCall: "mu", advice: i18n.AdviceSplitLock,
			en: []string{"A read-modify-write of visits split across two critical sections", "visits.go:7  here visits is read while mu is held, and then mu is unlocked",
				"visits.go:8  and here, with mu locked again, visits is written from what was read", "the lock was let go between the read and the write",
				"Hold mu from the read of visits to its write"},
			id: []string{"Baca-ubah-tulis visits yang terbelah di dua critical section", "di sini visits dibaca selagi mu dipegang, lalu mu dibuka",
				"setelah mu dikunci lagi, visits ditulis", "Pegang mu dari pembacaan visits sampai penulisannya"},
		},
		{
			name: "check then act under a lock", lab: "17-once", check: "splitlock",
			msg: "visits is tested under mu on line 7 and written here under a later hold of mu, with no test again: between the two critical sections another goroutine can make the same check. Keep the check and the act under one hold of the lock, or test again after locking",
			at:  "visits.go:8", cause: "visits.go:7", wantVar: "visits", wantCall: "mu", advice: i18n.AdviceCheckActLock,
			en: []string{"A check of visits and its act in two critical sections", "visits.go:7  here visits is tested while mu is held, and then mu is unlocked",
				"visits.go:8  and here, with mu locked again, visits is written because of that test, without testing it again",
				"between them another goroutine can make the same check", "Keep the check of visits and the act under one hold of mu, or test visits again"},
			id: []string{"Pemeriksaan visits dan tindakannya terpisah di dua critical section", "di sini visits diperiksa selagi mu dipegang, lalu mu dibuka",
				"tanpa diperiksa lagi", "goroutine lain bisa melakukan pemeriksaan yang sama", "periksa visits lagi setelah mengunci mu kembali"},
		},
		{
			name: "check then act atomic", lab: "27-double-close", check: "loadstore",
			msg: "visits is stored after a check of its Load on line 7, as a separate step: two goroutines can both pass the check before either acts. Use CompareAndSwap so that the check and the act are one step",
			at:  "visits.go:8", cause: "visits.go:7", wantVar: "visits", wantCall: "Store", advice: i18n.AdviceCheckActAtomic,
			en: []string{"A check of visits and its act in two atomic steps", "visits.go:7  here Load reads visits, and the code tests it",
				"visits.go:8  and here a separate Store sets visits because of that test", "the check and the act are two steps",
				"Use CompareAndSwap so that the check and the act are one step"},
			id: []string{"Pemeriksaan visits dan tindakannya terpisah dalam dua langkah atomik", "Store yang terpisah mengisi visits",
				"Pakai CompareAndSwap supaya pemeriksaan dan tindakannya menjadi satu langkah"},
		},
		{
			name: "check then swap", lab: "27-double-close", check: "loadstore",
			msg: "visits is swapped after a check of its Load on line 7, as a separate step: two goroutines can both pass the check before either acts. Use CompareAndSwap so that the check and the act are one step",
			at:  "visits.go:8", cause: "visits.go:7", wantVar: "visits", wantCall: "Swap", advice: i18n.AdviceCheckActAtomic,
			en: []string{"visits.go:8  and here a separate Swap sets visits because of that test"},
			id: []string{"Swap yang terpisah mengisi visits"},
		},
	}
	src := "package main\n\n" +
		"var visits atomic.Int64\n\n" +
		"func run() {\n" + // 5
		"\tgo func() {\n" + // 6
		"\t\tv := visits.Load()\n" + // 7
		"\t\tvisits.Store(v + 1)\n" + // 8
		"\t}()\n}\n"
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := tempLab(t, tt.lab, "visits", map[string]string{"visits.go": src}, nil)
			f := protocol.Finding{File: "visits.go", Line: 8, Column: 3, Check: tt.check, Message: tt.msg}
			en, id := explainFinding(t, dir, []string{"visits.go"}, []string{"atomic"}, f, func(ps []Problem) {
				if len(ps) != 1 || ps[0].StaticCheck != tt.check || ps[0].Var != tt.wantVar || ps[0].Call != tt.wantCall ||
					ps[0].At.String() != tt.at || ps[0].Cause.String() != tt.cause || ps[0].Advice != tt.advice {
					t.Fatalf("want one %s finding on %s (%s), cause %s, at %s: %+v", tt.check, tt.wantVar, tt.wantCall, tt.cause, tt.at, ps)
				}
			})
			mustContain(t, en, tt.en...)
			mustContain(t, id, tt.id...)
		})
	}
}

// labvet's timeguess finding (a timer that ends a wait as if everything
// had come) is told at the timer's case, with the timer and the channel,
// and pointed at waiting for the goroutines themselves.
func TestTimeGuessFinding(t *testing.T) {
	src := "package main\n\n" +
		"func run() {\n" + // 3
		"\ttotal := 0\n" + // 4
		"loop:\n" + // 5
		"\tfor {\n" + // 6
		"\t\tselect {\n" + // 7
		"\t\tcase c := <-counts:\n\t\t\ttotal += c\n" + // 8-9
		"\t\tcase <-time.After(time.Second):\n" + // 10
		"\t\t\tbreak loop\n\t\t}\n\t}\n}\n"
	dir := tempLab(t, "07-channel-blocking", "words", map[string]string{"words.go": src}, nil)
	msg := "when time.After(time.Second) fires, the wait for counts ends as if everything had come: how long the other goroutines take is a guess, not synchronisation"
	f := protocol.Finding{File: "words.go", Line: 10, Column: 8, Check: "timeguess", Message: msg}
	en, id := explainFinding(t, dir, []string{"words.go"}, []string{"channel"}, f, func(ps []Problem) {
		if len(ps) != 1 || ps[0].StaticCheck != vetTimeGuess || ps[0].At.String() != "words.go:10" || ps[0].Advice != i18n.AdviceTimeGuess {
			t.Fatalf("want one timeguess finding at words.go:10: %+v", ps)
		}
	})
	mustContain(t, en, "A timer decides that everything has come",
		"words.go:10  when time.After(time.Second) fires, the wait for counts ends", "case <-time.After(time.Second):",
		"a guess, not synchronisation", "receive exactly as many results as they send", "give up with an error")
	mustContain(t, id, "Timer yang memutuskan bahwa semuanya sudah datang",
		"ketika time.After(time.Second) berbunyi, penantian pada counts berakhir", "hanyalah tebakan", "menyerah dengan sebuah error")
}

// labvet's cancelfirst finding (a goroutine that cancels the others before
// it hands on its error) is told at the cancel, with the error, and
// pointed at keeping the error first.
func TestCancelFirstFinding(t *testing.T) {
	src := "package main\n\n" +
		"func quote() {\n" + // 3
		"\tg.Go(func() error {\n" + // 4
		"\t\tp, err := api.price(ctx, sku)\n" + // 5
		"\t\tif err != nil {\n" + // 6
		"\t\t\tcancel()\n" + // 7
		"\t\t\treturn err\n\t\t}\n\t\treturn nil\n\t})\n}\n"
	dir := tempLab(t, "20-bounded-pool", "quote", map[string]string{"quote.go": src}, nil)
	msg := "cancel() comes before err is handed on: a goroutine this cancel gives up on can hand on its own error (context.Canceled) first"
	f := protocol.Finding{File: "quote.go", Line: 7, Column: 4, Check: "cancelfirst", Message: msg}
	en, id := explainFinding(t, dir, []string{"quote.go"}, []string{"errgroup", "channel"}, f, func(ps []Problem) {
		if len(ps) != 1 || ps[0].StaticCheck != vetCancelFirst || ps[0].At.String() != "quote.go:7" || ps[0].Advice != i18n.AdviceCancelFirst {
			t.Fatalf("want one cancelfirst finding at quote.go:7: %+v", ps)
		}
	})
	mustContain(t, en, "The error is kept after the cancel",
		"quote.go:7  cancel() comes before err is handed on", "cancel()",
		"return context.Canceled", "Keep the error first, then cancel", "cancel(err) keeps the first cause")
	mustContain(t, id, "Error disimpan setelah pembatalan",
		"cancel() dipanggil sebelum err diteruskan", "mengembalikan context.Canceled", "Simpan error-nya dulu, baru batalkan")
}

// A wrong output that is context.Canceled's text, where the check wanted
// another error, is told as the error of work the program gave up on, and
// pointed at keeping the first error before the cancel; any other wrong
// output keeps the general words.
func TestReportedCancel(t *testing.T) {
	dir := tempLab(t, "20-bounded-pool", "quote", map[string]string{"quote.go": "package main\n"}, nil)
	for _, c := range []struct {
		printed string
		cancel  bool
	}{
		{"quote failed: context canceled", true},
		{"quote failed: supplier: 401 unauthorized", false},
	} {
		failure := protocol.MarkWrongOutput + " expected the line \"quote failed: supplier: 503 service unavailable\" in the program's output; it printed:\n\t" + c.printed + "\n"
		verdict := &protocol.Verdict{Scripts: []protocol.Script{{
			Name: "outage", Reasons: []protocol.Reason{protocol.WrongOutput},
			Runs:    []protocol.Run{{Args: []string{"-items", "9"}, Exit: protocol.ExitChecked, Stdout: c.printed + "\n"}},
			Failure: failure,
		}}}
		ps := Parse(Input{Verdict: verdict, ProgramDir: dir, Editable: []string{"quote.go"}, Fix: []string{"errgroup"}})
		if len(ps) != 1 || ps[0].Kind != WrongOutput || ps[0].ReportedCancel != c.cancel {
			t.Fatalf("%s: want one wrong output, ReportedCancel %v: %+v", c.printed, c.cancel, ps)
		}
		en, id := checkWords(t, ps)
		if !c.cancel {
			if strings.Contains(en, "context.Canceled") {
				t.Errorf("%s: told as a cancel:\n%s", c.printed, en)
			}
			continue
		}
		mustContain(t, en, c.printed, "the error of work it had itself given up on",
			"keep it before you call cancel", "not the first by position")
		mustContain(t, id, "error dari pekerjaan yang sudah ia batalkan sendiri", "simpan sebelum kamu memanggil cancel")
	}
}
