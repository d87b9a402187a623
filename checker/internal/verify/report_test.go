package verify

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/racelab/racelab/checker/lab"
	"github.com/racelab/racelab/checker/protocol"
)

type reasons = map[protocol.Reason]int

func TestCheckOKAndSummary(t *testing.T) {
	tests := []struct {
		name    string
		check   Check
		ok      bool
		summary string
	}{
		{"shipped every run", Check{Want: "race", Runs: 4, Got: reasons{protocol.Race: 4}}, true, "race 4/4"},
		{"shipped flaky", Check{Want: "race", Runs: 4, Got: reasons{protocol.Race: 3, protocol.Pass: 1}}, false, "race 3/4, pass 1"},
		{"solution passes", Check{Want: "pass", Runs: 4, Got: reasons{protocol.Pass: 4}}, true, "pass 4/4"},
		{"solution leaks", Check{Want: "pass", Runs: 4, Got: reasons{protocol.Leak: 4}}, false, "pass 0/4, leak 4"},
		{"solution fails static", Check{Want: "pass", Runs: 2, Got: reasons{protocol.Pass: 2}, Static: []string{"x"}}, false, "pass 2/2, static checks fail"},
		{"cheat rejected", Check{Want: "fail", Runs: 2, Got: reasons{protocol.NotConcurrent: 2}}, true, "rejected 2/2 (not-concurrent 2)"},
		{"cheat accepted", Check{Want: "fail", Runs: 2, Got: reasons{protocol.Pass: 1, protocol.Race: 1}}, false, "rejected 1/2 (pass 1, race 1)"},
		{"cheat not tried", Check{Want: "fail", Skipped: "does not compile"}, true, "not tried"},
		{"no runs", Check{Want: "race"}, false, "race 0/0"},
		{"error", Check{Want: "race", Err: errors.New("boom")}, false, "error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.ok, tt.check.OK())
			assert.Equal(t, tt.summary, tt.check.Summary())
		})
	}
}

// Each way a lab can be wrong gets a message that says what happened, in
// which runs, and what to do.
func TestExplain(t *testing.T) {
	tests := []struct {
		name  string
		check Check
		want  []string
	}{
		{"flaky shipped", Check{Name: "shipped", Want: "race", Runs: 6, Got: reasons{protocol.Race: 4, protocol.Pass: 2},
			ByCond: map[string]reasons{"GOMAXPROCS=1": {protocol.Pass: 2, protocol.Race: 1}, "GOMAXPROCS=2": {protocol.Race: 3}}},
			[]string{"flaky: the shipped program passed 2 of 6 runs", "GOMAXPROCS=1: pass 2, race 1 of 3", "GOMAXPROCS=2: race 3 of 3", "Usual causes: printing", "Keeping verdicts deterministic"}},
		{"shipped needs two threads", Check{Name: "shipped", Want: "race", Runs: 4, Got: reasons{protocol.Race: 2, protocol.Pass: 2},
			ByCond: map[string]reasons{"GOMAXPROCS=1": {protocol.Pass: 2}, "GOMAXPROCS=2": {protocol.Race: 2}}},
			[]string{"passes every run on one thread and fails every run on two"}},
		{"shipped never fails", Check{Name: "shipped", Want: "race", Runs: 4, Got: reasons{protocol.Pass: 4}},
			[]string{"passed every run (4/4)", "never shows its bug"}},
		{"shipped wrong reason", Check{Name: "shipped", Want: "race", Runs: 4, Got: reasons{protocol.Leak: 4}},
			[]string{"fails with leak every run, not with race", `set expect = "leak"`}},
		{"shipped crashes", Check{Name: "shipped", Want: "race", Runs: 4, Got: reasons{protocol.Crash: 4}},
			[]string{"fails with crash every run"}},
		{"shipped mixed", Check{Name: "shipped", Want: "race", Runs: 4, Got: reasons{protocol.Race: 2, protocol.Leak: 2}},
			[]string{"fails inconsistently"}},
		{"solution leaks", Check{Name: "solution", Want: "pass", Runs: 4, Got: reasons{protocol.Leak: 4}},
			[]string{"solution: fails every run", "goroutines were still running"}},
		{"solution flaky", Check{Name: "solution", Want: "pass", Runs: 4, Got: reasons{protocol.Pass: 3, protocol.Deadlock: 1}},
			[]string{"solution: flaky: the solution failed 1 of 4 runs", "RACELAB_WATCHDOG"}},
		{"solution static", Check{Name: "solution", Want: "pass", Runs: 2, Got: reasons{protocol.Pass: 2}, Static: []string{"bank.go:1:1: this lab asks for a sync.Mutex"}},
			[]string{"static checks reject it", "bank.go:1:1"}},
		{"cheat accepted", Check{Name: "serialise", About: "each goroutine holding one lock", Want: "fail", Runs: 2, Got: reasons{protocol.Pass: 2}},
			[]string{"cheat serialise (each goroutine holding one lock) was accepted in 2 of 2 runs", "RACELAB_OVERLAP"}},
		{"wrong fix passes", Check{Name: "wrong/no-goroutines", About: "one goroutine only", Want: "missed", Runs: 2, Got: reasons{protocol.Pass: 2}},
			[]string{"wrong/no-goroutines (one goroutine only): a mistake the corpus wants to fail with missed did so in only 0 of 2 runs", "lets this mistake through"}},
		{"wrong fix, other reason", Check{Name: "wrong/split", About: "two locks", Want: "race|wrong-output", Runs: 2, Got: reasons{protocol.Leak: 2}},
			[]string{"to fail with race or wrong-output did so in only 0 of 2 runs", "leak 2"}},
		{"right fix fails", Check{Name: "right/atomic", About: "an atomic counter", Want: "other-kind", Runs: 2, Got: reasons{protocol.OtherKind: 1, protocol.Race: 1}},
			[]string{"right/atomic (an atomic counter): a correct alternative got other-kind in only 1 of 2 runs", "fails a right fix"}},
		{"wrong fix without a want passes", Check{Name: "wrong/sleep", About: "sleeps", Want: "fail", Runs: 2, Got: reasons{protocol.Pass: 2}},
			[]string{"wrong/sleep (sleeps): a mistake the corpus wants to fail did so in only 0 of 2 runs"}},
		{"does not compile", Check{Name: "solution", Want: "pass", Runs: 1, Got: reasons{protocol.Build: 1}},
			[]string{"does not compile"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg := Explain(&tt.check)
			for _, w := range tt.want {
				assert.Contains(t, msg, w)
			}
		})
	}
}

func TestVerdictAndPrint(t *testing.T) {
	l := &lab.Lab{Number: 5, Slug: "bank"}
	ok := func() *Check { return &Check{Name: "shipped", Want: "race", Runs: 2, Got: reasons{protocol.Race: 2}} }
	tests := []struct {
		name    string
		res     *Result
		verdict string
		want    []string
	}{
		{"ok", &Result{Lab: l, Checks: []*Check{ok()}}, VerdictOK, nil},
		{"draft", &Result{Lab: l, Checks: []*Check{ok()}, ToWrite: []string{"labs/05-bank/README.md:3: explain"}}, VerdictDraft,
			[]string{"== 05-bank: draft", "left to write:", "- labs/05-bank/README.md:3: explain"}},
		{"fail", &Result{Lab: l, Checks: []*Check{ok()}, Problems: []string{"lab.toml: hint[2].id: missing"}, ToWrite: []string{"x"}}, VerdictFail,
			[]string{"== 05-bank: FAIL", "problems:", "hint[2].id: missing"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.verdict, tt.res.Verdict())
			var b bytes.Buffer
			Print(&b, []*Result{tt.res})
			out := b.String()
			assert.Contains(t, out, "LAB      SHIPPED   SOLUTION  CHEATS  VERDICT")
			assert.Contains(t, out, "05-bank  race 2/2  -         -       "+tt.verdict)
			for _, w := range tt.want {
				assert.Contains(t, out, w)
			}
			if tt.want == nil {
				assert.NotContains(t, out, "==")
			}
			assert.True(t, strings.HasSuffix(strings.TrimSpace(out), SummaryLine([]*Result{tt.res})))
		})
	}
}
