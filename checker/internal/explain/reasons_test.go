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
			mustContain(t, en, "This works — the race is gone — but this lab practises a sync.Mutex; your fix uses a sync.WaitGroup and sync/atomic: try it the lab's way.")
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
