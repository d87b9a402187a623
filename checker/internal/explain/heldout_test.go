package explain

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/racelab/racelab/checker/internal/i18n"
	"github.com/racelab/racelab/checker/protocol"
)

// TestHeldOut checks the words for wrong fixes students wrote that the
// course's own corpus did not foresee (captured by
// testdata/capture-heldout.sh from a real run of the lab, as
// heldout/FIX/LAB): each is told
// what is wrong with it, not a story that belongs to another lab. A wrong
// answer is a gap between a check and its act only in a lab about that;
// a copied WaitGroup or atomic is named as what the student copied, not
// as the noCopy inside it, and is not told it is a mutex.
func TestHeldOut(t *testing.T) {
	for _, tc := range []struct {
		name        string
		en, id, not []string
	}{
		{"nonblocking-send-wait-in-main/10-send-close",
			[]string{"0 quotes from 10 suppliers", "some work was lost, done twice, or done with the wrong value", "a send that can be dropped (a select with a default case)"},
			[]string{"ada pekerjaan yang hilang", "pengiriman yang bisa terbuang (select dengan case default)"},
			nil},
		{"atomic-current-order/13-loop-variable",
			[]string{"some work was lost, done twice, or done with the wrong value", "after another goroutine changed it"},
			[]string{"setelah goroutine lain mengubahnya"},
			nil},
		{"atomic-shared-error/14-shared-variable",
			[]string{"some work was lost, done twice, or done with the wrong value"},
			[]string{"dikerjakan dengan nilai yang salah"},
			// The lab's window only lines the uploads up: no check there.
			[]string{"hangUp(m)", "celah antara"}},
		{"metrics-value-receiver/16-atomic",
			[]string{"served 0 requests", "an update made to a copy (a value receiver",
				"An atomic.Int64 copied by value", "record takes its metrics (which holds an atomic.Int64) by value",
				"an update made to a copy never reaches the original", "so that every goroutine updates the same value"},
			[]string{"atomic.Int64 tersalin sebagai nilai", "metrics (yang berisi atomic.Int64)", "perubahan pada salinan tidak pernah sampai ke aslinya",
				"supaya setiap goroutine memperbarui nilai yang sama"},
			[]string{"noCopy", "A atomic", "lock", "mutex", "kunci"}},
		{"waitgroup-by-value/10-send-close",
			[]string{"A sync.WaitGroup copied by value", "a Done on a copy never counts down the WaitGroup that Wait waits on",
				"Share one sync.WaitGroup through a pointer (*sync.WaitGroup)"},
			[]string{"sync.WaitGroup tersalin sebagai nilai", "Done pada salinan tidak pernah mengurangi", "Bagikan satu sync.WaitGroup lewat pointer"},
			[]string{"noCopy", "different lock", "same mutex", "mutex yang sama"}},
		{"waitgroup-by-value/11-wg-add",
			[]string{"A sync.WaitGroup copied by value", "a Done on a copy never counts down the WaitGroup that Wait waits on",
				"Share one sync.WaitGroup through a pointer (*sync.WaitGroup)"},
			[]string{"sync.WaitGroup tersalin sebagai nilai", "Bagikan satu sync.WaitGroup lewat pointer"},
			[]string{"noCopy", "different lock", "same mutex", "mutex yang sama"}},
		// Nothing overlapped because run did not wait: not "the tasks ran
		// one after another".
		{"add-in-goroutine/20-bounded-pool",
			[]string{"none of the 3 tasks reached its slow step before the program finished", "before its goroutines had done their work"},
			[]string{"tidak satu pun dari 3 tugas sampai ke langkah lambatnya"},
			[]string{"one after another", "at most 0"}},
		// Paying one account at a time: told as one at a time, not as a
		// channel deadlock (the student has no channel).
		{"pay-one-at-a-time/25-deadlock",
			[]string{"the loop waits here for each goroutine before it starts the next one", "Start every task with go first"},
			[]string{"Jalankan dulu setiap tugas dengan go"},
			[]string{"every receive has a matching send", "waits in a select", "Deadlock"}},
		// The lab's auditor reports money in flight on stderr: told as the
		// lab's report, with its words, not as the student's debugging
		// prints.
		{"unlock-before-locking-to/25-deadlock",
			[]string{"The lab's own code, which watches what your program does, saw a mistake",
				"auditor: account", "Keep both accounts locked from the withdrawal until the deposit", "Do what the report says"},
			[]string{"Kode milik lab, yang mengawasi apa yang dilakukan programmu", "Lakukan apa yang dikatakan laporan itu"},
			[]string{"debugging", "Remove the prints", "what the program printed on stderr"}},
		// The leak check deferred after Close runs before it: told as the
		// check coming too early, not as testing internals.
		{"verify-before-close/31-testing",
			[]string{"found a goroutine of the correct version still running", "Deferred calls run last first", "Let the leak check come last"},
			[]string{"Pemanggilan defer berjalan dari yang terakhir"},
			[]string{"not whether it works", "which lock the code uses"}},
		// Waiting for the answer the lesson says not to wait for: the
		// goroutine that brings it is named for what it is, and the
		// advice is not to wait, not to match sends and receives.
		{"receive-all/05-goroutine-leak",
			[]string{"brings the slow answer, which comes only once run has returned", "the main goroutine waits to receive from answers in fastest",
				"return without waiting for it", "room in a buffered channel"},
			[]string{"membawa jawaban yang lambat", "kembalilah tanpa menunggunya"},
			[]string{"every receive has a matching send", "waits to receive from a channel"}},
		{"drain-before-returning/29-get-timeout",
			[]string{"brings the slow answer", "waits to receive from ch in get", "return without waiting for it"},
			[]string{"membawa jawaban yang lambat", "kembalilah tanpa menunggunya"},
			[]string{"every receive has a matching send"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := loadVerdict(t, filepath.Join("testdata", "heldout", tc.name+".verdict.json"))
			fix, lab := filepath.Split(tc.name)
			ps := Parse(in)
			checkInvariants(t, in, ps)
			checkHeadline(t, in.Verdict, ps)
			en, id := render(t, ps, i18n.EN), render(t, ps, i18n.ID)
			mustContain(t, en, tc.en...)
			mustContain(t, id, tc.id...)
			for _, bad := range append(tc.not, "checked, then acted upon", "diperiksa, lalu dipakai", "%!") {
				if strings.Contains(en, bad) || strings.Contains(id, bad) {
					t.Errorf("the student reads %q:\n%s\n%s", bad, en, id)
				}
			}
			for lang, text := range map[i18n.Lang]string{i18n.EN: en, i18n.ID: id} {
				compareGolden(t, filepath.Join("testdata", "golden", "heldout", lab+"-"+filepath.Clean(fix)+"."+string(lang)+".txt"), text)
			}
		})
	}
}

// A wrong answer in a lab about check-then-act is told as the gap, at the
// window the student's code leads into; elsewhere as work gone wrong, with
// no place pointed at, whatever the fix kinds.
func TestWrongOutputWords(t *testing.T) {
	v := &protocol.Verdict{Scripts: []protocol.Script{{
		Name: "overdraft", Reasons: []protocol.Reason{protocol.WrongOutput},
		Runs:    []protocol.Run{{Exit: protocol.ExitChecked, Stdout: "paid 3\n"}},
		Failure: protocol.MarkWrongOutput + " expected the line \"paid 1\" in the program's output; it printed:\n\tpaid 3\n",
	}}}
	src := "package main\n\nfunc withdraw() bool {\n\tif true {\n\t\ttellerCountsCash()\n\t\treturn true\n\t}\n\treturn false\n}\n\nfunc run() { withdraw() }\n"
	for _, tc := range []struct {
		name     string
		concepts []string
		toml     string // lab.toml beside the program, read when concepts is nil
		fix      []string
		at       string
		advice   i18n.Key
		en, id   string
	}{
		{"check-then-act, mutex", []string{"mutex", "check-then-act"}, "", []string{"mutex"}, "bank.go:5", i18n.AdviceCheckThenActMutex,
			"a value was checked, then acted upon", "sebuah nilai diperiksa, lalu dipakai untuk bertindak"},
		{"check-then-act, once", []string{"check-then-act", "once"}, "", []string{"once"}, "bank.go:5", i18n.AdviceCheckThenAct,
			"Make the check and the act one step", "Jadikan pemeriksaan dan tindakan satu langkah"},
		{"check-then-act from lab.toml", nil, "concepts = [\"check-then-act\"]\n", []string{"mutex"}, "bank.go:5", i18n.AdviceCheckThenActMutex,
			"a value was checked, then acted upon", "sebuah nilai diperiksa, lalu dipakai untuk bertindak"},
		{"shared variable, mutex", []string{"mutex", "shared-variable"}, "", []string{"mutex"}, "", i18n.AdviceWrongOutput,
			"some work was lost, done twice, or done with the wrong value", "ada pekerjaan yang hilang, dikerjakan dua kali"},
		{"no lab.toml", nil, "", []string{"atomic"}, "", i18n.AdviceWrongOutput,
			"an update made to a copy", "perubahan yang dibuat pada salinan"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := tempLab(t, "08-mutex", "bank", map[string]string{"bank.go": src, "servers.go": servers}, nil)
			if tc.toml != "" {
				toml := "title = { en = \"Bank\", id = \"Bank\" }\nprogram = \"bank\"\nfix = [\"mutex\"]\neditable = [\"bank.go\"]\n" + tc.toml
				if err := os.WriteFile(filepath.Join(dir, "..", "lab.toml"), []byte(toml), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			ps := Parse(Input{Verdict: v, ProgramDir: dir, Editable: []string{"bank.go"}, Fix: tc.fix, Concepts: tc.concepts})
			if len(ps) != 1 || ps[0].Kind != WrongOutput || ps[0].At.String() != tc.at || ps[0].Advice != tc.advice {
				t.Fatalf("want a wrong output at %q advised %s: %+v", tc.at, tc.advice, ps)
			}
			en, id := render(t, ps, i18n.EN), render(t, ps, i18n.ID)
			mustContain(t, en, "expected the line: paid 1", tc.en)
			mustContain(t, id, "seharusnya ada baris: paid 1", tc.id)
			if gap := tc.at != ""; gap != strings.Contains(en, "the gap between a check and the act") {
				t.Errorf("the gap is pointed at: %v, want %v:\n%s", !gap, gap, en)
			}
		})
	}
}

// An index into a slice that is still empty is told it may have been read
// before the goroutine that fills it finished, not only to check a loop's
// bounds; any other index out of range keeps the bounds advice.
func TestIndexAdvice(t *testing.T) {
	dir := tempLab(t, "09-busy-wait", "warmup", map[string]string{"warmup.go": "package main\n"}, nil)
	for _, tc := range []struct {
		msg    string
		advice i18n.Key
		en, id string
	}{
		{"index out of range [72] with length 0", i18n.AdviceIndexEmpty,
			"The slice was still empty when it was read: it may be read before the goroutine that fills it has finished",
			"Slice-nya masih kosong saat dibaca: mungkin dibaca sebelum goroutine yang mengisinya selesai"},
		{"slice bounds out of range [:3] with capacity 0", i18n.AdviceIndexEmpty,
			"wait for that goroutine first", "tunggu goroutine itu dulu"},
		{"index out of range [10] with length 10", i18n.AdviceIndex,
			"check the loop's bounds against the length", "periksa batas loop terhadap panjangnya"},
		{"slice bounds out of range [5:3]", i18n.AdviceIndex,
			"check the loop's bounds", "periksa batas loop"},
	} {
		t.Run(tc.msg, func(t *testing.T) {
			stderr := "panic: runtime error: " + tc.msg + "\n\ngoroutine 10 [running]:\nmain.loadPrices.func1()\n\twarmup/warmup.go:1 +0x1\ncreated by main.loadPrices in goroutine 1\n\twarmup/warmup.go:1 +0x1\n"
			v := &protocol.Verdict{Reasons: []protocol.Reason{protocol.Crash}, Scripts: []protocol.Script{{
				Name: "prices", Reasons: []protocol.Reason{protocol.Crash},
				Runs:    []protocol.Run{{Exit: 2, Stderr: stderr}},
				Failure: "the program exited with status 2 (crash)",
			}}}
			ps := Parse(Input{Verdict: v, ProgramDir: dir, Editable: []string{"warmup.go"}, Fix: []string{"channel"}})
			if len(ps) != 1 || ps[0].Kind != Panic || ps[0].Advice != tc.advice {
				t.Fatalf("want one panic advised %s: %+v", tc.advice, ps)
			}
			mustContain(t, render(t, ps, i18n.EN), tc.en)
			mustContain(t, render(t, ps, i18n.ID), tc.id)
		})
	}
}
