package explain

import (
	"slices"
	"strings"

	"github.com/racelab/racelab/checker/protocol"
)

// verdict explains the judge's verdict: the compiler's output, the static
// findings, and for each failed script what its failing run printed on
// stderr (the program's own reports) or why its check failed.
func (p *state) verdict(v *protocol.Verdict) {
	if v.Build != "" {
		p.compiler(rawLines(v.Build))
	}
	for _, f := range v.Static {
		p.static(f.File, f.Line, f.Check, f.Message)
	}
	for _, s := range v.Scripts {
		if !s.Passed {
			p.script(s)
		}
	}
	p.check, p.checkID = "", ""
	if slices.Contains(v.Reasons, protocol.OtherKind) && !slices.ContainsFunc(p.out, func(pr *Problem) bool { return pr.Kind == OtherKind }) {
		// Every run passed: the judge decided from the kinds of fix the
		// change uses (Kinds) that it is not the lab's kind.
		p.add(&Problem{Kind: OtherKind, Other: OtherKinds, Instead: v.Kinds})
	}
}

// script explains one failed script.
func (p *state) script(s protocol.Script) {
	sc := p.scripts.get(s.Name)
	p.scriptProblem = false
	var last protocol.Run
	if n := len(s.Runs); n > 0 {
		last = s.Runs[n-1]
	}
	// The script stops at its first failure, so only its last run can
	// have failed it, and then the failure is about the run. A run that
	// failed as the script expected (`! prog`) failed nothing.
	classify := protocol.Classify
	if p.testingLab() {
		classify = protocol.ClassifyTest // the run is the student's test's
	}
	failed := len(s.Runs) > 0 && len(classify(last)) > 0 && s.Failure != "" &&
		!strings.HasPrefix(s.Failure, protocol.MarkWrongOutput) && !strings.HasPrefix(s.Failure, "the program passed")

	// Where it failed: the last run's command, the want after it, or
	// the first stdout or stderr check the run's output fails.
	at, why := 0, s.Failure
	switch {
	case strings.HasPrefix(s.Failure, protocol.MarkWrongOutput):
		at = sc.after(len(s.Runs), "want")
	case s.Failure != "":
		at = sc.run(len(s.Runs))
	default:
		at, why = sc.checks(len(s.Runs), last)
	}
	p.check, p.checkID = sc.comment(at, len(s.Runs))
	vars := sc.vars(s)
	p.check, p.checkID = studentText(p.check, vars), studentText(p.checkID, vars)

	if p.testVerdict(s.Failure, outputLines(last.Stdout)) {
		return
	}
	if failed {
		p.ls = rawLines(last.Stderr)
		p.against = p.againstCorrect(last)
		p.reports()
		p.against = ""
	}
	switch {
	case strings.HasPrefix(s.Failure, protocol.MarkWrongOutput):
		first, _, _ := strings.Cut(s.Failure, "\n")
		p.wrongOutput(first, outputLines(last.Stdout))
	case failed && !p.scriptProblem && p.ended(classify(last), outputLines(last.Stderr)):
	case !p.scriptProblem:
		if why == "" && p.check == "" {
			why = "testdata/" + s.Name + ".txtar" // all there is to name it by
		}
		pr := &Problem{Kind: Script, Message: why}
		switch {
		case strings.Contains(why, "stderr") || failed && last.Stderr != "":
			showStream(pr, "stderr", outputLines(last.Stderr))
		case strings.Contains(why, "stdout"):
			showStream(pr, "stdout", outputLines(last.Stdout))
		}
		p.add(pr)
	}
}

// rawLines cuts a program's or a compiler's output into lines, dropping
// blank ones.
func rawLines(s string) []line {
	var out []line
	for _, raw := range strings.Split(s, "\n") {
		raw = strings.TrimRight(raw, "\r")
		if text := strings.TrimSpace(raw); text != "" {
			out = append(out, line{raw: raw, text: text})
		}
	}
	return out
}

// outputLines is what a program printed, line by line, as a script log
// shows it: trailing space and blank lines dropped.
func outputLines(s string) []string {
	var out []string
	for _, l := range rawLines(s) {
		out = append(out, strings.TrimRight(l.raw, " \t"))
	}
	return out
}
