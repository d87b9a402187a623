package explain

import (
	"strings"
	"testing"

	"github.com/racelab/racelab/checker/internal/i18n"
	"github.com/racelab/racelab/checker/protocol"
)

// A fix that works but is not the lab's kind is told as working, with the
// lab's kind and the kinds used named, in both languages, whether the
// judge decided it from the kinds (a verdict's reason, or its log line) or
// the program from how its callers overlapped. It is never "Wrong fix",
// never a deadlock.
func TestOtherKind(t *testing.T) {
	dir := tempLab(t, "08-mutex", "bank", map[string]string{"bank.go": "package main\n\nfunc run() {}\n"}, map[string]string{
		"readers.txtar": "# $N readers look at the balance at once.\n# id: $N pembaca melihat saldo bersamaan.\nenv RACELAB_READERS=4\nbank -readers $N\n",
	})
	passed := []protocol.Script{{Name: "deposits", Passed: true}}
	judgeLog := func(kinds string) string {
		return "=== RUN   TestLab\n" +
			"    judge.go:180: racelab: other kind: the program works, but this lab practises a sync.Mutex (Lock/Unlock around every access), and the fix uses " + kinds + ": try it that way\n" +
			"--- FAIL: TestLab (1.00s)\n"
	}
	program := func(why string) *protocol.Verdict {
		return &protocol.Verdict{Reasons: []protocol.Reason{protocol.OtherKind}, Scripts: []protocol.Script{{
			Name: "readers", Reasons: []protocol.Reason{protocol.OtherKind},
			Runs:    []protocol.Run{{Args: []string{"-readers", "9"}, Exit: protocol.ExitOtherKind, Stderr: protocol.MarkOtherKind + " the program works, but " + why + "\n"}},
			Failure: "the program exited with status 71 (other-kind)",
		}}}
	}
	readers := "at most 1 of 4 readers were ever reading at the same time: readers waited for each other although none of them writes (a sync.RWMutex's RLock lets them in together)"
	window := "at most 1 caller(s) were ever between the check and the act at the same time, where 4 could be: one lock around everything makes every caller wait for every other"
	for _, tc := range []struct {
		name   string
		in     Input
		other  Other
		advice i18n.Key
		en, id []string
	}{
		{
			name:  "atomics where the lab practises a mutex",
			in:    Input{Verdict: &protocol.Verdict{Reasons: []protocol.Reason{protocol.OtherKind}, Kinds: []string{"atomic"}, Scripts: passed}, Fix: []string{"mutex"}},
			other: OtherKinds, advice: i18n.AdviceOtherKind,
			en: []string{"It works, with another tool than this lab practises",
				"This works — it passes the lab's tests — but this lab practises a sync.Mutex; your fix uses sync/atomic: try it the lab's way.",
				"What to do: Make the fix with a sync.Mutex: that is what this lab is for."},
			id: []string{"Programnya sudah benar, tetapi memakai alat lain dari yang dilatih lab ini",
				"tetapi lab ini melatih sync.Mutex, sedangkan perbaikanmu memakai sync/atomic: coba dengan cara lab ini."},
		},
		{
			name:  "the judge's log line",
			in:    Input{Output: judgeLog("sync/atomic (atomic.Int64, atomic.Bool, ...)"), Fix: []string{"mutex"}},
			other: OtherKinds, advice: i18n.AdviceOtherKind,
			en: []string{"This works — it passes the lab's tests — but this lab practises a sync.Mutex; your fix uses sync/atomic: try it the lab's way."},
		},
		{
			name:  "two kinds, from the log",
			in:    Input{Output: judgeLog("a channel (a goroutine sends, another blocks on the receive) and sync/atomic (atomic.Int64, atomic.Bool, ...)"), Fix: []string{"mutex"}},
			other: OtherKinds, advice: i18n.AdviceOtherKind,
			en: []string{"your fix uses a channel and sync/atomic: try it the lab's way."},
		},
		{
			name:  "no synchronisation of its own",
			in:    Input{Verdict: &protocol.Verdict{Reasons: []protocol.Reason{protocol.OtherKind}, Kinds: []string{}, Scripts: passed}, Fix: []string{"waitgroup"}},
			other: OtherKinds, advice: i18n.AdviceOtherKind,
			en: []string{"but this lab practises a sync.WaitGroup, and your change adds none of it: try it the lab's way."},
			id: []string{"lab ini melatih sync.WaitGroup, dan perubahanmu sama sekali tidak memakainya"},
		},
		{
			name:  "a plain mutex where readers should share",
			in:    Input{Verdict: program(readers), Fix: []string{"rwmutex"}},
			other: OtherReaders, advice: i18n.AdviceOtherReaders,
			en: []string{"It works, but every caller waited for every other", "Check: 9 readers look at the balance at once.",
				"at most 1 of 4 readers were ever reading at the same time, though none of them writes", "This lab practises a sync.RWMutex",
				"RLock and RUnlock where the data is only read"},
			id: []string{"Programnya sudah benar, tetapi setiap pemanggil menunggu semua yang lain", "Pemeriksaan: 9 pembaca melihat saldo bersamaan.",
				"paling banyak 1 dari 4 pembaca pernah membaca bersamaan", "Lab ini melatih sync.RWMutex"},
		},
		{
			name:  "one lock around everything",
			in:    Input{Verdict: program(window), Fix: []string{"mutex"}},
			other: OtherSerialised, advice: i18n.AdviceOtherSerialised,
			en: []string{"It works, but every caller waited for every other", "at most 1 of the 4 callers that could be in that step together ever were",
				"one lock around everything made every caller wait for every other. This lab practises a sync.Mutex", "Lock only what conflicts"},
			id: []string{"dari 4 pemanggil yang bisa berada di langkah itu bersamaan, paling banyak 1 yang pernah benar-benar bersamaan", "Lab ini melatih sync.Mutex"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.in
			in.ProgramDir, in.Editable = dir, []string{"bank.go"}
			ps := Parse(in)
			if len(ps) != 1 || ps[0].Kind != OtherKind || ps[0].Other != tc.other || ps[0].Advice != tc.advice {
				t.Fatalf("want one other-kind problem (%s, %s): %+v", tc.other, tc.advice, ps)
			}
			en, id := render(t, ps, i18n.EN), render(t, ps, i18n.ID)
			mustContain(t, en, tc.en...)
			mustContain(t, id, tc.id...)
			for _, text := range []string{en, id} {
				for _, bad := range []string{"Wrong fix", "Perbaikan tidak sesuai", "Deadlock", "RACELAB_"} {
					if strings.Contains(text, bad) {
						t.Errorf("a working fix is told as %q:\n%s", bad, text)
					}
				}
			}
			var colour strings.Builder
			if err := Render(&colour, ps, i18n.EN, true, 0); err != nil {
				t.Fatal(err)
			}
			if strings.Contains(colour.String(), "\x1b["+styleTitle+"m") {
				t.Errorf("a working fix is headed in the colour of a failure:\n%q", colour.String())
			}
		})
	}
}
