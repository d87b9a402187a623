package explain

import (
	"strings"
	"testing"

	"github.com/racelab/racelab/checker/internal/i18n"
	"github.com/racelab/racelab/checker/protocol"
)

// copylocks says which value is copied in many ways; each is read back
// into the copy, the type and the lock, named as the student's code names
// them.
func TestReadCopy(t *testing.T) {
	const acct = "github.com/racelab/racelab/labs/19-copylocks/bank.Account contains sync.Mutex"
	for _, tc := range []struct {
		msg  string
		want Copy
	}{
		{"Deposit passes lock by value: " + acct, Copy{CopyParam, "Deposit", "Account", "sync.Mutex"}},
		{"func passes lock by value: " + acct, Copy{CopyParam, "", "Account", "sync.Mutex"}},
		{"assignment copies lock value to a: " + acct, Copy{CopyAssign, "a", "Account", "sync.Mutex"}},
		{"variable declaration copies lock value to b: " + acct, Copy{CopyAssign, "b", "Account", "sync.Mutex"}},
		{"range var acct copies lock: " + acct, Copy{CopyRange, "acct", "Account", "sync.Mutex"}},
		{"call of fmt.Println copies lock value: " + acct, Copy{CopyCall, "fmt.Println", "Account", "sync.Mutex"}},
		{"return copies lock value: " + acct, Copy{CopyReturn, "", "Account", "sync.Mutex"}},
		{"assignment copies lock value to mu2: sync.Mutex", Copy{CopyAssign, "mu2", "sync.Mutex", "sync.Mutex"}},
		{"call of f copies lock value: github.com/racelab/racelab/labs/19-copylocks/bank.Bank contains github.com/racelab/racelab/labs/19-copylocks/bank.Account contains sync.RWMutex",
			Copy{CopyCall, "f", "Bank", "sync.RWMutex"}},
		{"call of f copies lock value: github.com/racelab/racelab/labs/19-copylocks/customers.Ledger contains sync.Mutex",
			Copy{CopyCall, "f", "customers.Ledger", "sync.Mutex"}},
		// A WaitGroup or an atomic holds a noCopy, which the student never
		// wrote: the lock named is the type of sync or sync/atomic.
		{"supply passes lock by value: sync.WaitGroup contains sync.noCopy", Copy{CopyParam, "supply", "sync.WaitGroup", "sync.WaitGroup"}},
		{"record passes lock by value: github.com/racelab/racelab/labs/16-atomic/server.metrics contains sync/atomic.Int64 contains sync/atomic.noCopy",
			Copy{CopyParam, "record", "server.metrics", "atomic.Int64"}},
		{"range var j copies lock: github.com/racelab/racelab/labs/19-copylocks/bank.Job contains sync.WaitGroup contains sync.noCopy",
			Copy{CopyRange, "j", "Job", "sync.WaitGroup"}},
		{"assignment copies lock value to c: github.com/racelab/racelab/labs/19-copylocks/bank.Cache contains sync.Map contains internal/sync.HashTrieMap[any,any] contains internal/sync.Mutex",
			Copy{CopyAssign, "c", "Cache", "sync.Map"}},
	} {
		if got := readCopy(tc.msg, "bank"); *got != tc.want {
			t.Errorf("readCopy(%q)\n got %+v\nwant %+v", tc.msg, *got, tc.want)
		}
	}
}

// go vet's findings, as the judge's verdict records them (the check
// named) or its log shows them (recognised by their words), are each
// explained in their own words, in both languages, and never as a bare
// "Wrong fix".
func TestVetFindings(t *testing.T) {
	src := "package main\n\n" +
		"func run() {\n" + // 3
		"\tctx, cancel := context.WithCancel(context.Background())\n" + // 4
		"\tif ctx == nil {\n" + // 5
		"\t\treturn\n" + // 6
		"\t}\n" + // 7
		"\tcancel()\n" + // 8
		"\tfor _, a := range accounts {\n" + // 9
		"\t\tgo func() {\n" + // 10
		"\t\t\ttally.Add(1)\n" + // 11
		"\t\t\tn = atomic.AddInt64(&n, 1)\n" + // 12
		"\t\t}()\n" + // 13
		"\t}\n}\n"
	dir := tempLab(t, "19-copylocks", "bank", map[string]string{"bank.go": src}, nil)
	for _, tc := range []struct {
		name, check, msg string
		line             int
		en, id           []string
	}{
		{"waitgroup", "waitgroup", "WaitGroup.Add called from inside new goroutine", 11,
			[]string{"tally.Add inside the goroutine it counts", "bank.go:11  the goroutine counts itself only once it runs, so tally.Wait can return", "Call tally.Add(1) before the go statement"},
			[]string{"tally.Add di dalam goroutine yang dihitungnya", "Panggil tally.Add(1) sebelum pernyataan go"}},
		{"range copy", "copylocks", "range var a copies lock: github.com/racelab/racelab/labs/19-copylocks/bank.Account contains sync.Mutex", 9,
			[]string{"A sync.Mutex copied by value", "bank.go:9  the loop's a is a copy of each Account (which holds a sync.Mutex)", "Each copy is a different lock", "(*Account)"},
			[]string{"a milik loop ini adalah salinan dari setiap Account (yang berisi sync.Mutex)", "Setiap salinan adalah kunci yang berbeda"}},
		{"cancel on some paths", "lostcancel", "the cancel function is not used on all paths (possible context leak)", 4,
			[]string{"A context that is never cancelled", "bank.go:4  on some path from here cancel is never called", "Call cancel on every path", "defer cancel()"},
			[]string{"Context yang tidak pernah dibatalkan", "di salah satu jalur dari sini cancel tidak pernah dipanggil"}},
		{"cancel skipped by a return", "lostcancel", "this return statement may be reached without using the cancel var defined on line 4", 6,
			[]string{"bank.go:6  this return leaves without calling cancel (defined at line 4)"},
			[]string{"return ini keluar tanpa memanggil cancel (didefinisikan di baris 4)"}},
		{"atomic assigned back", "atomic", "direct assignment to atomic value", 12,
			[]string{"An atomic update assigned back", "bank.go:12  the atomic function already updated n; assigning its result back to n is a plain write", "atomic.Int64"},
			[]string{"Hasil operasi atomik ditulis ulang", "fungsi atomik sudah memperbarui n"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := protocol.Finding{File: "bank.go", Line: tc.line, Column: 2, Check: tc.check, Message: tc.msg}
			text := "=== RUN   TestLab/static\n    steps.go:32: " + protocol.MarkStatic + " " + f.String() + "\n--- FAIL: TestLab/static (0.50s)\n"
			var renders []string
			for _, in := range []Input{{Verdict: &protocol.Verdict{Reasons: []protocol.Reason{protocol.WrongFix}, Static: []protocol.Finding{f}}}, {Output: text}} {
				in.ProgramDir, in.Editable, in.Fix = dir, []string{"bank.go"}, []string{"mutex"}
				ps := Parse(in)
				if len(ps) != 1 || ps[0].Kind != Static || ps[0].StaticCheck != tc.check || ps[0].At.Line != tc.line {
					t.Fatalf("want one %s finding at line %d: %+v", tc.check, tc.line, ps)
				}
				en, id := render(t, ps, i18n.EN), render(t, ps, i18n.ID)
				mustContain(t, en, tc.en...)
				mustContain(t, id, tc.id...)
				if strings.Contains(en, "Wrong fix") || strings.Contains(en, "%!") || strings.Contains(id, "%!") {
					t.Errorf("headed as a bare wrong fix, or misformatted:\n%s\n%s", en, id)
				}
				renders = append(renders, en+id)
			}
			if renders[0] != renders[1] {
				t.Errorf("the verdict explains:\n%s\nthe text explains:\n%s", renders[0], renders[1])
			}
		})
	}
}

// A run that ended for a reason the judge knows, without a report of the
// program's to read, is explained as that reason, so that make lab's
// headline and the explanation agree: an early exit, a crash whose
// traceback racelab does not recognise.
func TestEndedWithoutReport(t *testing.T) {
	dir := tempLab(t, "06-waitgroup", "squares", map[string]string{"squares.go": "package main\n"},
		map[string]string{"sum.txtar": "# The total counts every square.\nsquares -n $N\nwant squares $N\n"})
	for _, tc := range []struct {
		name    string
		run     protocol.Run
		failure string
		kind    Kind
		en, id  []string
	}{
		{"early exit", protocol.Run{Exit: 0, Stdout: "sum of squares below 10 = 0\n"}, "the program exited with status 0 (early-exit)", EarlyExit,
			[]string{"The program ended before run returned", "none of the lab's checks ran", "Let run return normally"},
			[]string{"Program berhenti sebelum run selesai", "Biarkan run selesai dengan normal"}},
		{"a panic without a traceback", protocol.Run{Exit: 2, Stderr: "panic: boom [recovered]\n"}, "the program exited with status 2 (crash)", Panic,
			[]string{"The program crashed (panic): boom\n"},
			[]string{"Program crash (panic): boom"}},
		{"a fatal error", protocol.Run{Exit: 2, Stderr: "fatal error: stack overflow\n"}, "the program exited with status 2 (crash)", Panic,
			[]string{"The program crashed: stack overflow"},
			[]string{"Program crash: stack overflow"}},
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
				if len(ps) != 1 || ps[0].Kind != tc.kind || ps[0].Check != "The total counts every square." {
					t.Fatalf("want one %s problem: %+v", tc.kind, ps)
				}
				en, id := render(t, ps, i18n.EN), render(t, ps, i18n.ID)
				mustContain(t, en, tc.en...)
				mustContain(t, id, tc.id...)
				if strings.Contains(en, "A check failed") {
					t.Errorf("headed as a failed check:\n%s", en)
				}
				renders = append(renders, en+id)
			}
			if renders[0] != renders[1] {
				t.Errorf("the text explains:\n%s\nthe verdict explains:\n%s", renders[0], renders[1])
			}
		})
	}
}
