package gradebook

import (
	"regexp"
	"strings"

	"github.com/racelab/racelab/checker/protocol"
)

// maxOutput bounds what a lab result keeps of the student's own output;
// each format cuts it further to its own limit.
const maxOutput = 4000

// crash opens the runtime's own last words; everything after it is the
// runtime's (the goroutine dump), not the student's.
var crash = regexp.MustCompile(`(?m)^(panic: |fatal error: |SIGQUIT: |goroutine \d+ \[)`)

// StudentOutput is what the student's program printed in the verdict's
// first failed script: every start's stdout, then its stderr without what
// is not the student's: the race detector's reports, the runtime's crash
// dump, and the lines racelab's own checks print. exercism asks for
// exactly this ("only content outputted by a user manually"); the reports
// and the checks' findings are in the lab's message and details instead.
func StudentOutput(v *protocol.Verdict) string {
	if v == nil {
		return ""
	}
	for _, s := range v.Scripts {
		if s.Passed {
			continue
		}
		var b strings.Builder
		for _, r := range s.Runs {
			b.WriteString(r.Stdout)
			b.WriteString(ownStderr(r.Stderr))
		}
		out := strings.TrimRight(b.String(), "\n")
		if len(out) > maxOutput {
			out = truncate(out, maxOutput, "\n[…]")
		}
		return out
	}
	return ""
}

// ownStderr drops from a program's stderr what the race detector, the
// runtime and racelab's checks wrote.
func ownStderr(stderr string) string {
	if loc := crash.FindStringIndex(stderr); loc != nil {
		stderr = stderr[:loc[0]]
	}
	var b strings.Builder
	inRace := false
	for _, line := range strings.SplitAfter(stderr, "\n") {
		t := strings.TrimSpace(line)
		switch {
		case t == "==================":
			inRace = !inRace
			continue
		case strings.HasPrefix(t, "WARNING: DATA RACE"):
			inRace = true
			continue
		case inRace, strings.HasPrefix(t, "racelab:"), strings.HasPrefix(t, "Found ") && strings.Contains(t, "data race"):
			continue
		}
		b.WriteString(line)
	}
	return b.String()
}
