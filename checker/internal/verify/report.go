package verify

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/racelab/racelab/checker/lab"
	"github.com/racelab/racelab/checker/protocol"
)

// maxSample bounds how much of a deviating run's output is shown.
const maxSample = 3000

// Print writes a table of results, one row per lab, then the details of
// every lab that is not finished: its problems (each naming what is wrong
// and what to do), what is left to write, and notes; then a summary line.
func Print(w io.Writer, results []*Result) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "LAB\tSHIPPED\tSOLUTION\tCHEATS\tVERDICT")
	for _, r := range results {
		shipped, solution := "-", "-"
		cheats, rejected := 0, 0
		for _, c := range r.Checks {
			switch c.Name {
			case "shipped":
				shipped = c.Summary()
			case "solution":
				solution = c.Summary()
			default:
				if c.Skipped != "" {
					continue
				}
				cheats++
				if c.OK() {
					rejected++
				}
			}
		}
		cheatCol := "-"
		if cheats > 0 {
			cheatCol = fmt.Sprintf("%d/%d rejected", rejected, cheats)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.Lab.Name(), shipped, solution, cheatCol, r.Verdict())
	}
	tw.Flush()
	for _, r := range results {
		PrintDetails(w, r)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, SummaryLine(results))
}

// SummaryLine counts the labs by verdict.
func SummaryLine(results []*Result) string {
	n := map[string]int{}
	for _, r := range results {
		n[r.Verdict()]++
	}
	s := fmt.Sprintf("%d lab(s): %d ok, %d draft, %d FAIL", len(results), n[VerdictOK], n[VerdictDraft], n[VerdictFail])
	switch {
	case n[VerdictFail] > 0:
		s += ": fix what is listed under each failing lab, then verify again"
	case n[VerdictDraft] > 0:
		s += ": the drafts behave right; write what is listed under \"left to write\", then verify again"
	}
	return s
}

// PrintDetails writes what is wrong with, and left to do in, one lab;
// nothing for a finished lab without notes.
func PrintDetails(w io.Writer, r *Result) {
	if r.OK() && len(r.Notes) == 0 {
		return
	}
	fmt.Fprintf(w, "\n== %s: %s\n", r.Lab.Name(), r.Verdict())
	var failed []*Check
	for _, c := range r.Checks {
		if !c.OK() {
			failed = append(failed, c)
		}
	}
	if len(r.Problems)+len(failed) > 0 {
		fmt.Fprintln(w, "problems:")
	}
	for _, p := range r.Problems {
		fmt.Fprintf(w, "- %s\n", p)
	}
	for _, c := range failed {
		fmt.Fprintf(w, "- %s\n", Explain(c))
		if c.Sample != "" {
			s := c.Sample
			if len(s) > maxSample {
				s = s[:maxSample] + "\n[... cut]"
			}
			fmt.Fprintf(w, "  output of one such run:\n%s\n", indent(s))
		}
	}
	if len(r.ToWrite) > 0 {
		fmt.Fprintln(w, "left to write:")
		for _, t := range r.ToWrite {
			fmt.Fprintf(w, "- %s\n", t)
		}
	}
	if len(r.Notes) > 0 {
		fmt.Fprintln(w, "notes:")
		for _, n := range r.Notes {
			fmt.Fprintf(w, "- %s\n", n)
		}
	}
}

// deterministicDoc is where the instructors' guide explains how to make a
// verdict the same every run.
const deterministicDoc = "docs/instructors.md, \"Keeping verdicts deterministic\""

// Explain says, in one paragraph, what went wrong with a failed check and
// what to do about it.
func Explain(c *Check) string {
	if c.Err != nil {
		return fmt.Sprintf("%s: could not run: %v", c.Name, c.Err)
	}
	if c.Got[protocol.Build] > 0 {
		return fmt.Sprintf("%s: does not compile (or go vet, which go test runs, rejects it): see the output", c.Name)
	}
	failed := c.Runs - c.Got[protocol.Pass]
	byCond := c.byCondition()
	if strings.HasPrefix(c.Name, WrongDir+"/") || strings.HasPrefix(c.Name, RightDir+"/") {
		return explainCorpus(c, byCond)
	}
	switch c.Want {
	case "fail":
		return fmt.Sprintf("cheat %s (%s) was accepted in %d of %d runs (%s): the lab lets this wrong fix pass. "+
			"Make a script catch it: demand overlap (each task's slow step a fixture function that calls overlap.Work, RACELAB_OVERLAP in the script), "+
			"or check the output with want", c.Name, c.About, c.Got[protocol.Pass], c.Runs, byCond)
	case string(protocol.Pass):
		if len(c.Static) > 0 {
			return fmt.Sprintf("solution: the static checks reject it (is lab.toml's fix right?): %s", strings.Join(c.Static, "; "))
		}
		if failed == c.Runs {
			return fmt.Sprintf("solution: fails every run (%s): %s. Fix the solution", byCond, reasonWords(mostRuns(c.Got)))
		}
		return fmt.Sprintf("solution: flaky: the solution failed %d of %d runs (%s). A solution must pass every run, "+
			"or students who fix the program are failed by luck. Usual causes: a timeout too tight for a loaded machine "+
			"(RACELAB_WATCHDOG, RACELAB_OVERLAP_TIMEOUT), output that depends on scheduling (print totals, or sort), "+
			"a goroutine nobody waits for. See %s", failed, c.Runs, byCond, deterministicDoc)
	}
	// The shipped program, which must fail for c.Want every run.
	want := protocol.Reason(c.Want)
	switch {
	case c.Got[protocol.Pass] == c.Runs:
		return fmt.Sprintf("shipped: passed every run (%d/%d): the program never shows its bug, so a student has nothing to fix. "+
			"Make the %s happen every run (see %s)", c.Runs, c.Runs, c.Want, deterministicDoc)
	case c.Got[protocol.Pass] > 0:
		why := "Usual causes: printing or other locking inside the racy section " +
			"(fmt and os.File take locks, which order the goroutines), an access that only some schedules reach " +
			"(main returns first; a check-then-act: call overlap.Window from a fixture helper in the gap), a goroutine that does so much between the " +
			"two accesses that the race detector forgets the first (history size)"
		if one, two := c.ByCond["GOMAXPROCS=1"], c.ByCond["GOMAXPROCS=2"]; one[protocol.Pass] > 0 && one[protocol.Pass] == total(one) && two[protocol.Pass] == 0 {
			why = "It passes every run on one thread and fails every run on two: its race needs goroutines running " +
				"in parallel (a worker count from runtime.GOMAXPROCS or runtime.NumCPU, say); make it race on one thread too"
		}
		return fmt.Sprintf("shipped: flaky: the shipped program passed %d of %d runs (%s). A lab must fail every run, "+
			"or a student's grade depends on luck. %s. See %s", c.Got[protocol.Pass], c.Runs, byCond, why, deterministicDoc)
	}
	other := mostRuns(c.Got)
	if c.Got[other] == c.Runs && other != want {
		s := fmt.Sprintf("shipped: fails with %s every run, not with %s as lab.toml's expect says (%s)", other, c.Want, reasonWords(other))
		if slices.Contains(lab.Expectations(), string(other)) {
			s += fmt.Sprintf(": if that is the lesson, set expect = %q; otherwise fix the program", other)
		}
		return s
	}
	return fmt.Sprintf("shipped: fails inconsistently (%s): a lab must fail the same way, for its declared %s, every run. See %s",
		byCond, c.Want, deterministicDoc)
}

// explainCorpus says what went wrong with an entry of the corpus, which
// must get its want line's verdict every run: not the shipped program's or
// the solution's words, whatever its want.
func explainCorpus(c *Check, byCond string) string {
	good := 0
	for r, n := range c.Got {
		if c.accepts(r) {
			good += n
		}
	}
	if strings.HasPrefix(c.Name, RightDir+"/") {
		return fmt.Sprintf("%s (%s): a correct alternative got %s in only %d of %d runs (%s): the lab fails a right fix. "+
			"Make the scripts judge by behaviour the fix shares with the solution, or correct its want line", c.Name, c.About, c.Want, good, c.Runs, byCond)
	}
	want := "to fail with " + strings.ReplaceAll(c.Want, "|", " or ")
	if c.Want == "fail" {
		want = "to fail"
	}
	return fmt.Sprintf("%s (%s): a mistake the corpus wants %s did so in only %d of %d runs (%s): the lab lets this mistake through. "+
		"Make a script catch it every run (see %s), or correct its want line if it fails for another reason", c.Name, c.About, want, good, c.Runs, byCond, deterministicDoc)
}

// byCondition renders the runs by condition: "GOMAXPROCS=1: race 3/3;
// GOMAXPROCS=2: race 2/3, pass 1".
func (c *Check) byCondition() string {
	var names []string
	for _, cond := range append(unloaded(), loaded()...) {
		if c.ByCond[cond.name] != nil {
			names = append(names, cond.name)
		}
	}
	for _, n := range sortedKeys(c.ByCond) {
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	var parts []string
	for _, n := range names {
		got := c.ByCond[n]
		parts = append(parts, fmt.Sprintf("%s: %s of %d", n, counts(got, nil), total(got)))
	}
	if len(parts) == 0 {
		return counts(c.Got, nil)
	}
	return strings.Join(parts, "; ")
}

// total counts the runs of got.
func total(got map[protocol.Reason]int) int {
	n := 0
	for _, k := range got {
		n += k
	}
	return n
}

// mostRuns is the reason most runs gave.
func mostRuns(got map[protocol.Reason]int) protocol.Reason {
	best := protocol.Fail
	for _, r := range reasonOrder() {
		if got[r] > got[best] {
			best = r
		}
	}
	return best
}

// reasonWords explains a reason for an instructor.
func reasonWords(r protocol.Reason) string {
	switch r {
	case protocol.Race:
		return "the race detector reported a data race"
	case protocol.Leak:
		return "goroutines were still running or blocked when main returned"
	case protocol.Deadlock:
		return "the program did not finish within the watchdog's time (a deadlock, or too slow: RACELAB_WATCHDOG)"
	case protocol.NotConcurrent:
		return "the tasks never overlapped as the script demands"
	case protocol.Crash:
		return "the program panicked"
	case protocol.WrongOutput:
		return "the program printed the wrong result"
	case protocol.WrongFix:
		return "the static checks rejected the fix"
	case protocol.Timeout:
		return "the test run was killed for taking too long"
	case protocol.Build:
		return "the program does not compile"
	case protocol.Pass:
		return "it passed"
	}
	return "the tests failed for a reason racelab does not recognise (see the output)"
}

func indent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = "    | " + l
	}
	return strings.Join(lines, "\n")
}
