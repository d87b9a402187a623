package explain

import (
	"maps"
	"strings"
	"testing"

	"github.com/racelab/racelab/checker/internal/i18n"
	"github.com/racelab/racelab/checker/protocol"
)

func TestFill(t *testing.T) {
	vars := map[string]string{"N": "13", "SEED": "568073"}
	for _, tc := range []struct{ in, want string }{
		{"All $N servers are asked at once.", "All 13 servers are asked at once."},
		{"Semua $N server ditanya sekaligus.", "Semua 13 server ditanya sekaligus."},
		{"${N} orders, seed $SEED.", "13 orders, seed 568073."},
		{"The local copy and $N-1 mirror uploads run at once.", "The local copy and 12 mirror uploads run at once."},
		{"$N+2 in all", "15 in all"},
		{"$N servers' logs", "13 servers' logs"},
		{"$NAME is no variable of the run", "$NAME is no variable of the run"},
		{"no variable at all", "no variable at all"},
	} {
		if got := fill(tc.in, vars); got != tc.want {
			t.Errorf("fill(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// Without the run's values the text stays as the author wrote it.
	if got := fill("All $N servers", nil); got != "All $N servers" {
		t.Errorf("fill without values = %q", got)
	}
}

func TestWithoutMachinery(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{
			"No overdraft: $N customers each ask for the whole balance at the same time; exactly one is paid. (RACELAB_WINDOW lines the customers up between Withdraw's check and its act, so a gap left there shows every time.)",
			"No overdraft: $N customers each ask for the whole balance at the same time; exactly one is paid.",
		},
		{
			"Tidak kebobolan: tepat satu yang dibayar. (RACELAB_WINDOW membuat para nasabah berbaris di antara cek dan tindakan.)",
			"Tidak kebobolan: tepat satu yang dibayar.",
		},
		{"First. RACELAB_OVERLAP=4 makes them meet. Last!", "First. Last!"},
		{"An aside (see RACELAB_WINDOW) in a sentence drops it. The next one stays.", "The next one stays."},
		{"Only machinery: RACELAB_READERS=3.", ""},
		{"Every page is found once. (halt_on_error: stop at the first race report, before the Go runtime can crash on the same unguarded map.)", "Every page is found once."},
		{"Nothing to drop (0.5s, not a stop). Really.", "Nothing to drop (0.5s, not a stop). Really."},
	} {
		if got := withoutMachinery(tc.in); got != tc.want {
			t.Errorf("withoutMachinery(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

// A script's variables are the verdict's record of them when there is
// one, or else read back from the runs: the argument the script writes $N
// was the run's N.
func TestScriptVars(t *testing.T) {
	sc := parseScript("# All $N servers.\nenv RACELAB_OVERLAP=$N\npinger -n $N -seed $SEED\nwant pinger $N $SEED\npinger -n '$N' -seed 2\n", "pinger")
	runs := []protocol.Run{{Args: []string{"-n", "13", "-seed", "568073"}}, {Args: []string{"-n", "$N", "-seed", "2"}}}
	got := sc.vars(protocol.Script{Runs: runs})
	if want := map[string]string{"N": "13", "SEED": "568073"}; !maps.Equal(got, want) {
		t.Errorf("vars from the runs = %v, want %v", got, want)
	}
	recorded := map[string]string{"N": "9", "SEED": "1"}
	if got := sc.vars(protocol.Script{Runs: runs, Vars: recorded}); !maps.Equal(got, recorded) {
		t.Errorf("vars with the verdict's record = %v, want %v", got, recorded)
	}
	if got := sc.vars(protocol.Script{Runs: runs, Vars: map[string]string{"$N": "9"}}); got["N"] != "9" {
		t.Errorf("a record that spells the name with its $: %v", got)
	}
}

// Every Check line a student reads has the run's numbers and no word of
// the machinery, from a verdict and from the text alike.
func TestCheckLineFilled(t *testing.T) {
	script := "# No overdraft: $N customers ask at once; the balance ends at 0.\n" +
		"# (RACELAB_WINDOW lines the customers up between the check and the act.)\n" +
		"# id: Tidak kebobolan: $N nasabah meminta bersamaan; saldonya berakhir di 0.\n" +
		"# id: (RACELAB_WINDOW membuat para nasabah berbaris.)\n" +
		"env RACELAB_WINDOW=$N\n" +
		"bank -withdrawals $N -seed $SEED\n" +
		"want bank $N $SEED\n"
	dir := tempLab(t, "08-mutex", "bank", map[string]string{"bank.go": "package main\n"}, map[string]string{"overdraft.txtar": script})
	stderr := "racelab: not concurrent: at most 1 of the 12 tasks ran at the same time (the tasks ran one after another)\n"
	v := &protocol.Verdict{Scripts: []protocol.Script{{
		Name: "overdraft", Reasons: []protocol.Reason{protocol.NotConcurrent},
		Runs:    []protocol.Run{{Args: []string{"-withdrawals", "12", "-seed", "77"}, Exit: protocol.ExitNotConcurrent, Stderr: stderr}},
		Failure: "the program exited with status 69 (not-concurrent)",
	}}}
	text := "=== RUN   TestLab/scripts/overdraft\n" +
		"    testscript.go:609: WORK=$WORK\n" +
		"        HOME=/no-home\n        SEED=77\n        N=12\n        \n" +
		"        # No overdraft: $N customers ask at once; the balance ends at 0.\n" +
		"        # (RACELAB_WINDOW lines the customers up between the check and the act.)\n" +
		"        # id: Tidak kebobolan: $N nasabah meminta bersamaan; saldonya berakhir di 0.\n" +
		"        # id: (RACELAB_WINDOW membuat para nasabah berbaris.) (0.2s)\n" +
		"        > env RACELAB_WINDOW=$N\n" +
		"        > bank -withdrawals $N -seed $SEED\n" +
		"        [stderr]\n        " + stderr +
		"        [exit status 69]\n" +
		"        FAIL: testdata/overdraft.txtar:6: the program exited with status 69 (not-concurrent)\n"
	for name, in := range map[string]Input{"verdict": {Verdict: v}, "text": {Output: text}} {
		in.ProgramDir, in.Editable, in.Fix = dir, []string{"bank.go"}, []string{"mutex"}
		ps := Parse(in)
		if len(ps) != 1 {
			t.Fatalf("%s: one problem: %+v", name, ps)
		}
		if want := "No overdraft: 12 customers ask at once; the balance ends at 0."; ps[0].Check != want {
			t.Errorf("%s: check %q, want %q", name, ps[0].Check, want)
		}
		if want := "Tidak kebobolan: 12 nasabah meminta bersamaan; saldonya berakhir di 0."; ps[0].CheckID != want {
			t.Errorf("%s: check in Indonesian %q, want %q", name, ps[0].CheckID, want)
		}
		for _, lang := range []i18n.Lang{i18n.EN, i18n.ID} {
			if out := render(t, ps, lang); strings.Contains(out, "RACELAB_") || strings.Contains(out, "$N") {
				t.Errorf("%s, %s: the student reads the machinery:\n%s", name, lang, out)
			}
		}
	}
}

// A lab that accepts any fix is told which tools it means, not a
// placeholder.
func TestAnyFixNamed(t *testing.T) {
	for _, fix := range [][]string{{"any"}, nil} {
		p := Problem{Kind: Static, Advice: i18n.AdviceStaticFake, Fix: fix, Count: 1}
		en := render(t, []Problem{p}, i18n.EN)
		id := render(t, []Problem{p}, i18n.ID)
		mustContain(t, en, "order the accesses with a channel, a sync.WaitGroup or a sync.Mutex.")
		mustContain(t, id, "urutkan aksesnya dengan channel, sync.WaitGroup, atau sync.Mutex.")
	}
}
