package explain

import (
	"slices"
	"strings"
	"testing"

	"github.com/racelab/racelab/checker/internal/i18n"
)

// TestReasonCaptures checks the explanations of real runs of the throwaway
// labs 72 to 80, one for each way a run can end that the lab author guide
// lists beside the classic race, leak and deadlock: a program that never
// had goroutines, go vet's findings, a run that did not wait, fixes that
// work but are of another kind, and a mutex locked twice.
func TestReasonCaptures(t *testing.T) {
	for _, tc := range []struct {
		lab   string
		check func(t *testing.T, ps []Problem, en, id string)
	}{
		{"72-pinger", func(t *testing.T, ps []Problem, en, id string) {
			// Lab 01 as shipped: a program that never had goroutines.
			p := first(t, ps, NotConcurrent)
			if p.At.String() != "pinger.go:15" || p.Serial != SerialLoop || !p.NoGo || p.Advice != i18n.AdviceSerialGo {
				t.Errorf("not concurrent: %+v", p)
			}
			mustContain(t, en, "Check: All 10 servers are asked at once", "pinger.go:15  this loop runs the tasks one at a time", "Nothing started the tasks at the same time")
			mustContain(t, id, "Pemeriksaan: Semua 10 server ditanya sekaligus", "loop ini menjalankan tugas satu per satu")
			for _, text := range []string{en, id} {
				if strings.Contains(text, "no longer") || strings.Contains(text, "lost the speed") || strings.Contains(text, "servers.go") {
					t.Errorf("a program that never had goroutines lost none, and its task is not the place:\n%s", text)
				}
			}
		}},
		{"73-fetch", func(t *testing.T, ps []Problem, en, id string) {
			// The race on fetched follows from the atomic assigned back;
			// the lost cancel is a finding of its own.
			r := first(t, ps, Race)
			if r.Var != "fetched" || r.Cause.String() != "fetch.go:27" || r.CauseCheck != vetAtomic || r.Advice != i18n.AdviceAtomicAssign {
				t.Errorf("race: %+v", r)
			}
			if slices.ContainsFunc(ps, func(p Problem) bool { return p.StaticCheck == vetAtomic }) {
				t.Errorf("the atomic finding is told twice: %+v", ps)
			}
			p := first(t, ps, Static)
			if p.StaticCheck != vetLostCancel || p.At.String() != "fetch.go:21" || p.Call != "context.WithTimeout" || p.Advice != i18n.AdviceLostCancel {
				t.Errorf("lostcancel: %+v", p)
			}
			mustContain(t, en, "fetch.go:27  this race follows from assigning the atomic function's result back to fetched",
				"A context that is never cancelled", "the cancel function context.WithTimeout returns is thrown away", "defer cancel()")
			mustContain(t, id, "race ini berasal dari penulisan hasil fungsi atomik kembali ke fetched", "Context yang tidak pernah dibatalkan")
		}},
		{"74-greeter", func(t *testing.T, ps []Problem, en, id string) {
			p := first(t, ps, Unwaited)
			if len(ps) != 1 || p.At.String() != "greeter.go:18" || p.Printed != 48 || p.Advice != i18n.AdviceUnwaited {
				t.Errorf("unwaited: %+v", ps)
			}
			mustContain(t, en, "run returned before its goroutines were done", "greeter.go:18  goroutines started here were still working",
				"A real program loses this output", "Wait for them.", "with a sync.WaitGroup.")
			mustContain(t, id, "run selesai sebelum goroutine-nya selesai", "Program sungguhan kehilangan output ini")
		}},
		{"75-wallet", func(t *testing.T, ps []Problem, en, id string) {
			p := first(t, ps, Static)
			if p.StaticCheck != vetCopyLocks || p.At.String() != "wallet.go:21" || p.Copy == nil ||
				*p.Copy != (Copy{How: CopyParam, Into: "Pay", Type: "Wallet", Lock: "sync.Mutex"}) || p.Advice != i18n.AdviceCopyLock {
				t.Errorf("copylocks: %+v %+v", p, p.Copy)
			}
			mustContain(t, en, "A sync.Mutex copied by value", "wallet.go:21  Pay takes its Wallet (which holds a sync.Mutex) by value",
				"Each copy is a different lock", "Share one Wallet through a pointer (*Wallet)")
			mustContain(t, id, "sync.Mutex tersalin sebagai nilai", "Setiap salinan adalah kunci yang berbeda", "(*Wallet)")
			for _, text := range []string{en, id} {
				if strings.Contains(text, "github.com") || strings.Contains(text, "Wrong fix") {
					t.Errorf("go vet's words leak through:\n%s", text)
				}
			}
		}},
		{"76-squares", func(t *testing.T, ps []Problem, en, id string) {
			// The race points at the Add it follows from; the finding is
			// not told again.
			p := first(t, ps, Race)
			if len(ps) != 1 || p.Cause.String() != "squares.go:23" || p.CauseCheck != vetWaitGroup || p.Call != "wg" || p.Advice != i18n.AdviceWaitGroupAdd {
				t.Errorf("race from wg.Add: %+v", ps)
			}
			mustContain(t, en, "squares.go:23  this race follows from wg.Add inside the goroutine", "wg.Add(1)",
				"Call wg.Add(1) before the go statement")
			mustContain(t, id, "race ini berasal dari wg.Add di dalam goroutine", "Panggil wg.Add(1) sebelum pernyataan go")
		}},
		{"77-hits", func(t *testing.T, ps []Problem, en, id string) {
			p := first(t, ps, OtherKind)
			if len(ps) != 1 || p.Other != OtherKinds || !slices.Equal(p.Instead, []string{"waitgroup", "atomic"}) {
				t.Errorf("other kind: %+v", ps)
			}
			mustContain(t, en, "This works — it passes the lab's tests — but this lab practises a sync.Mutex; your fix uses a sync.WaitGroup and sync/atomic: try it the lab's way.")
			mustContain(t, id, "lab ini melatih sync.Mutex, sedangkan perbaikanmu memakai sync.WaitGroup dan sync/atomic")
		}},
		{"78-prices", func(t *testing.T, ps []Problem, en, id string) {
			p := first(t, ps, OtherKind)
			if len(ps) != 1 || p.Other != OtherReaders || p.Most != 1 || p.Want != 4 {
				t.Errorf("other kind: %+v", ps)
			}
			mustContain(t, en, "It works, but every caller waited for every other", "This lab practises a sync.RWMutex")
			mustContain(t, id, "Lab ini melatih sync.RWMutex")
		}},
		{"79-cache", func(t *testing.T, ps []Problem, en, id string) {
			// One lock around everything: it works, it is never a deadlock.
			p := first(t, ps, OtherKind)
			if len(ps) != 1 || p.Other != OtherSerialised || p.Most != 1 || p.Want != 4 {
				t.Errorf("other kind: %+v", ps)
			}
			mustContain(t, en, "It works, but every caller waited for every other", "one lock around everything made every caller wait for every other",
				"This lab practises a sync.Mutex")
			mustContain(t, id, "satu kunci di sekitar semuanya membuat setiap pemanggil menunggu semua yang lain")
			for _, text := range []string{en, id} {
				if strings.Contains(text, "Deadlock") || strings.Contains(text, "RACELAB_") {
					t.Errorf("a serialised fix told wrong:\n%s", text)
				}
			}
		}},
		{"80-signup", func(t *testing.T, ps []Problem, en, id string) {
			// A package-level mutex locked again in a helper: the same
			// lock by its name.
			p := first(t, ps, Deadlock)
			if len(p.Cycle) != 1 || p.Advice != i18n.AdviceDeadlockSelf {
				t.Fatalf("self-deadlock: %+v", p)
			}
			g := p.Goroutines[0]
			if g.Again == nil || g.Again.Expr != "mu" || g.Again.At.String() != "signup.go:28" || g.At.String() != "signup.go:21" {
				t.Errorf("the lock taken again: %+v", g)
			}
			mustMatch(t, en, `Go's sync.Mutex is not reentrant: goroutine \d+ already holds mu \(locked at line 28\) and waits to lock it again at line 21`)
			mustMatch(t, id, `sync.Mutex di Go tidak reentrant: goroutine \d+ sudah memegang mu \(dikunci di baris 28\)`)
			for _, text := range []string{en, id} {
				if strings.Contains(text, "defer") {
					t.Errorf("the student already defers: the fault is the second Lock:\n%s", text)
				}
			}
		}},
		{"69-visits", func(t *testing.T, ps []Problem, en, id string) {
			// labvet's loadstore: an atomic Load and a separate Store.
			p := first(t, ps, Static)
			if len(ps) != 1 || p.StaticCheck != vetLoadStore || p.Var != "visits" || p.Cause.String() != "visits.go:26" ||
				p.At.String() != "visits.go:27" || p.Advice != i18n.AdviceLoadStore {
				t.Errorf("loadstore: %+v", ps)
			}
			mustContain(t, en, "A read-modify-write of visits split in two", "visits.go:26  here Load reads visits",
				"visits.go:27  and here a separate Store writes back", "a CompareAndSwap loop")
			mustContain(t, id, "Baca-ubah-tulis visits yang terbelah dua", "di sini Load membaca visits")
		}},
		{"70-counter", func(t *testing.T, ps []Problem, en, id string) {
			// A test run from one goroutine misses both bugs; each is
			// named with its about, in the student's language.
			if len(ps) != 2 || ps[0].Kind != Missed || ps[1].Kind != Missed {
				t.Fatalf("two missed bugs: %+v", ps)
			}
			mustContain(t, en, "Your test misses a bug: it passes against leaky", "leaky has a bug: Inc leaves a goroutine behind.",
				"Your test misses a bug: it passes against racy", "racy has a bug: Inc updates the count without a lock.",
				"Check: The test catches the race: Inc called from many goroutines at once.", "Make the test fail on this bug")
			mustContain(t, id, "Tesmu melewatkan sebuah bug: tes itu lulus pada leaky", "leaky punya bug: Inc meninggalkan sebuah goroutine.",
				"racy punya bug: Inc mengubah hitungan tanpa kunci.", "Buat tesnya gagal pada bug ini")
			if strings.Count(en, "Your test is run against several versions") != 1 {
				t.Errorf("why a missed bug matters is told once:\n%s", en)
			}
		}},
		{"71-alarm", func(t *testing.T, ps []Problem, en, id string) {
			// A test that insists on a sync.Mutex fails the atomic
			// version, which is correct.
			p := first(t, ps, FalseAlarm)
			if len(ps) != 1 || p.Variant != "atomic" || p.Advice != i18n.AdviceFalseAlarm {
				t.Errorf("false alarm: %+v", ps)
			}
			mustContain(t, en, "Your test fails against atomic, which is correct", "--- FAIL: TestInc",
				"counter_test.go:16: Counter's first field is atomic.Int64, want a sync.Mutex", "Check behaviour, not internals")
			mustContain(t, id, "Tesmu gagal pada atomic, padahal versi itu benar", "yang dicetak tesmu:", "Periksa perilaku, bukan bagian dalamnya")
		}},
		{"81-ticker", func(t *testing.T, ps []Problem, en, id string) {
			// A worker spinning in a select with a default.
			p := first(t, ps, BusyWait)
			if len(ps) != 1 || p.At.String() != "ticker.go:16" || !p.SpinSelect || p.Waited != "300ms" || p.Advice != i18n.AdviceBusyWait {
				t.Errorf("busy wait: %+v", ps)
			}
			mustMatch(t, en, `ticker.go:16  goroutine \d+ goes round this select, whose default case lets it go on at once`)
			mustMatch(t, en, `ticker.go:13  goroutine \d+ was started here`)
			mustContain(t, en, "Let the goroutine block until it is told")
			mustMatch(t, id, `goroutine \d+ terus berputar di select ini, yang case default-nya`)
			mustContain(t, id, "Biarkan goroutine itu memblok sampai diberi tahu")
		}},
	} {
		for _, capture := range variants(t, tc.lab) {
			t.Run(capture, func(t *testing.T) {
				in := load(t, capture)
				ps := Parse(in)
				checkInvariants(t, in, ps)
				en, id := render(t, ps, i18n.EN), render(t, ps, i18n.ID)
				if tc.check != nil {
					tc.check(t, ps, en, id)
				}
				golden(t, capture, ps)
			})
		}
	}
}
