package explain

import (
	"strings"
	"testing"

	"github.com/racelab/racelab/checker/internal/i18n"
	"github.com/racelab/racelab/checker/protocol"
)

// servers is a fixture file of a lab in the new style: the slow step and
// the check-then-act window live in functions of the program's own, which
// the student's file calls.
const servers = `package main

import "github.com/racelab/racelab/labs/internal/overlap"

type servers struct{ n int }

func (s *servers) ping(i int) int {
	overlap.Work()
	return i
}

func tellerCountsCash() { overlap.Window() }
`

// notConcurrent explains one run of the program in pinger.go that ended
// with the program's not-concurrent report msg.
func notConcurrent(t *testing.T, pinger, msg string) (Problem, string, string) {
	t.Helper()
	dir := tempLab(t, "01-seq-par-concurrent", "pinger", map[string]string{"pinger.go": pinger, "servers.go": servers}, nil)
	v := &protocol.Verdict{Scripts: []protocol.Script{{
		Name: "arrival", Reasons: []protocol.Reason{protocol.NotConcurrent},
		Runs:    []protocol.Run{{Exit: protocol.ExitNotConcurrent, Stderr: protocol.MarkNotConcurrent + " " + msg + "\n"}},
		Failure: "the program exited with status 69 (not-concurrent)",
	}}}
	ps := Parse(Input{Verdict: v, ProgramDir: dir, Editable: []string{"pinger.go"}, Fix: []string{"channel"}})
	if len(ps) != 1 || ps[0].Kind != NotConcurrent {
		t.Fatalf("want one not-concurrent problem: %+v", ps)
	}
	return ps[0], render(t, ps, i18n.EN), render(t, ps, i18n.ID)
}

const tasksSerial = "at most 1 of the 8 tasks ran at the same time (the tasks ran one after another): a fix must keep the work concurrent; do not remove `go` or hold a lock around the whole task"

func TestNotConcurrentPlaces(t *testing.T) {
	for _, tc := range []struct {
		name, src, msg string
		at             string
		serial         Serial
		nogo           bool
		advice         i18n.Key
		en, id         []string
	}{
		{
			// A program that never had goroutines did not lose them: the
			// loop that asks one server after the other is the place.
			name: "never concurrent",
			src:  "package main\n\nfunc run() {\n\ts := &servers{}\n\tfor i := range 8 {\n\t\t_ = s.ping(i)\n\t}\n}\n",
			msg:  tasksSerial, at: "pinger.go:5", serial: SerialLoop, nogo: true, advice: i18n.AdviceSerialGo,
			en: []string{"pinger.go:5  this loop runs the tasks one at a time", "for i := range 8 {", "Nothing started the tasks at the same time"},
			id: []string{"loop ini menjalankan tugas satu per satu", "Tidak ada yang menjalankan tugas-tugasnya bersamaan"},
		},
		{
			// A go removed from the loop, another kept elsewhere: the
			// pointer is the loop, not the task function.
			name: "go removed",
			src: "package main\n\nfunc run() {\n\ts := &servers{}\n\tdone := make(chan int)\n\tgo func() { done <- 1 }()\n" +
				"\tfor i := range 8 {\n\t\tfunc() {\n\t\t\t_ = s.ping(i)\n\t\t}()\n\t}\n\t<-done\n}\n",
			msg: tasksSerial, at: "pinger.go:7", serial: SerialLoop, advice: i18n.AdviceSerialGo,
			en: []string{"pinger.go:7  this loop runs the tasks one at a time", "lost the speed the goroutines were for"},
			id: []string{"pinger.go:7  loop ini menjalankan tugas satu per satu"},
		},
		{
			// The student wrapped the task in a helper of their own: the
			// loop that calls the helper.
			name: "helper",
			src: "package main\n\nfunc ask(s *servers, i int) int {\n\treturn s.ping(i)\n}\n\nfunc run() {\n\ts := &servers{}\n" +
				"\tfor i := range 8 {\n\t\t_ = ask(s, i)\n\t}\n}\n",
			msg: tasksSerial, at: "pinger.go:9", serial: SerialLoop, nogo: true, advice: i18n.AdviceSerialGo,
			en: []string{"pinger.go:9  this loop runs the tasks one at a time"},
		},
		{
			// Goroutines, but one lock around each whole task.
			name: "locked",
			src: "package main\n\nimport \"sync\"\n\nfunc run() {\n\ts := &servers{}\n\tvar wg sync.WaitGroup\n\tvar mu sync.Mutex\n" +
				"\tfor i := range 8 {\n\t\twg.Go(func() {\n\t\t\tmu.Lock()\n\t\t\t_ = s.ping(i)\n\t\t\tmu.Unlock()\n\t\t})\n\t}\n\twg.Wait()\n}\n",
			msg: tasksSerial, at: "pinger.go:11", serial: SerialLock, advice: i18n.AdviceSerialLock,
			en: []string{"pinger.go:11  mu is held around each task's slow step, so the tasks take turns", "mu.Lock()"},
			id: []string{"mu dipegang di sekitar langkah lambat setiap tugas"},
		},
		{
			// The goroutines are started, but the loop waits for each
			// before it starts the next.
			name: "wait in the loop",
			src: "package main\n\nimport \"sync\"\n\nfunc run() {\n\ts := &servers{}\n\tvar wg sync.WaitGroup\n" +
				"\tfor i := range 8 {\n\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\t_ = s.ping(i)\n\t\t}()\n\t\twg.Wait()\n\t}\n}\n",
			msg: tasksSerial, at: "pinger.go:14", serial: SerialWait, advice: i18n.AdviceSerialGo,
			en: []string{"pinger.go:14  the loop waits here for each goroutine before it starts the next one", "wg.Wait()"},
			id: []string{"loop ini menunggu di sini untuk setiap goroutine sebelum memulai goroutine berikutnya"},
		},
		{
			// A receive in the loop, after a wg.Go: the same.
			name: "receive in the loop",
			src: "package main\n\nimport \"sync\"\n\nfunc run() {\n\ts := &servers{}\n\tvar wg sync.WaitGroup\n\tdone := make(chan int)\n" +
				"\tfor i := range 8 {\n\t\twg.Go(func() {\n\t\t\tdone <- s.ping(i)\n\t\t})\n\t\tn := <-done\n\t\t_ = n\n\t}\n\twg.Wait()\n}\n",
			msg: tasksSerial, at: "pinger.go:13", serial: SerialWait, advice: i18n.AdviceSerialGo,
			en: []string{"pinger.go:13  the loop waits here for each goroutine", "n := <-done"},
		},
		{
			// The program's count of goroutines: a go removed, said in
			// goroutines rather than "tasks at once".
			name: "too few goroutines",
			src:  "package main\n\nfunc run() {\n\ts := &servers{}\n\tfor i := range 8 {\n\t\t_ = s.ping(i)\n\t}\n}\n",
			msg:  "the program started 0 goroutines, but a correct fix starts 8: keep every goroutine (do not remove a go statement, do not run the work in run itself)",
			at:   "pinger.go:5", serial: SerialLoop, nogo: true, advice: i18n.AdviceSerialGo,
			en: []string{"Not concurrent: the program started 0 goroutines, where a correct fix starts 8"},
			id: []string{"Tidak konkuren: program memulai 0 goroutine, padahal perbaikan yang benar memulai 8"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, en, id := notConcurrent(t, tc.src, tc.msg)
			if p.At.String() != tc.at || p.Serial != tc.serial || p.NoGo != tc.nogo || p.Advice != tc.advice {
				t.Errorf("at %s, %q, no go %v, advice %s; want %s, %q, %v, %s", p.At, p.Serial, p.NoGo, p.Advice, tc.at, tc.serial, tc.nogo, tc.advice)
			}
			mustContain(t, en, tc.en...)
			mustContain(t, id, tc.id...)
			for _, text := range []string{en, id} {
				if strings.Contains(text, "at most 0 of the 0") || strings.Contains(text, "no longer") || strings.Contains(text, "overlap.") {
					t.Errorf("%s: a headline that does not match the run:\n%s", tc.name, text)
				}
			}
			if tc.nogo && strings.Contains(en, "lost the speed") {
				t.Errorf("a program that never had goroutines lost none:\n%s", en)
			}
		})
	}
}

// A change that no longer reaches the lab's window is told as such, with
// the step named as the program names it, not as "0 of 0 tasks".
func TestWindowSkipped(t *testing.T) {
	src := "package main\n\nfunc run() {}\n"
	p, en, id := notConcurrent(t, src, "overlap.Window() was never called, so the lab cannot line the goroutines up between the check and the act: put the call back where the program shipped it")
	if !p.Skipped || p.Call != "tellerCountsCash()" || p.Advice != i18n.AdviceWindowSkipped {
		t.Errorf("skipped window: %+v", p)
	}
	mustContain(t, en, "The program no longer goes through the step this lab watches", "inside tellerCountsCash()", "Keep calling tellerCountsCash() where the program shipped it")
	mustContain(t, id, "Program tidak lagi melewati langkah yang diamati lab ini", "Tetap panggil tellerCountsCash()")
}

// A wrong answer points at the call that leads into the lab's window when
// the window lives in a fixture function.
func TestWindowPlace(t *testing.T) {
	src := "package main\n\nfunc withdraw() bool {\n\tif true {\n\t\ttellerCountsCash()\n\t\treturn true\n\t}\n\treturn false\n}\n\nfunc run() { withdraw() }\n"
	dir := tempLab(t, "08-mutex", "bank", map[string]string{"bank.go": src, "servers.go": servers}, nil)
	v := &protocol.Verdict{Scripts: []protocol.Script{{
		Name: "overdraft", Reasons: []protocol.Reason{protocol.WrongOutput},
		Runs:    []protocol.Run{{Exit: protocol.ExitChecked, Stdout: "paid 3\n"}},
		Failure: protocol.MarkWrongOutput + " expected the line \"paid 1\" in the program's output; it printed:\n\tpaid 3\n",
	}}}
	ps := Parse(Input{Verdict: v, ProgramDir: dir, Editable: []string{"bank.go"}, Fix: []string{"mutex"}, Concepts: []string{"mutex", "check-then-act"}})
	if len(ps) != 1 || ps[0].Kind != WrongOutput || ps[0].At.String() != "bank.go:5" {
		t.Fatalf("want a wrong output at bank.go:5: %+v", ps)
	}
}
