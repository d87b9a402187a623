package main

import (
	"fmt"
	"strings"

	"github.com/racelab/racelab/checker/internal/run"
	"github.com/racelab/racelab/checker/lab"
)

// printVerdict tells the student, in words, how the run went and what to do
// next.
func printVerdict(e *env, l *lab.Lab, res run.Result) {
	if res.Passed() {
		fmt.Fprintf(e.stdout, "✓ lab %s passes: %s\n", l.Name(), l.Title.EN)
		return
	}
	fmt.Fprintf(e.stdout, "✗ lab %s does not pass yet: %s\n", l.Name(), reasonText(res.Reason()))
	for _, line := range studentLines(res.Output, l) {
		fmt.Fprintf(e.stdout, "    %s\n", line)
	}
	fmt.Fprintf(e.stdout, "next: edit %s, then run `make lab N=%d` again (`make hint N=%d` for a hint, V=1 for the raw report)\n",
		strings.Join(l.Editable, ", "), l.Number, l.Number)
}

func reasonText(r run.Reason) string {
	switch r {
	case run.Race:
		return "the race detector saw two goroutines touch the same memory, at least one writing, with nothing ordering them"
	case run.Leak:
		return "goroutines were still running or stuck when main returned (a goroutine leak)"
	case run.Deadlock:
		return "the program never finished: its goroutines wait for each other (deadlock) or one loops forever"
	case run.NotConcurrent:
		return "the tasks did not run at the same time: keep them concurrent (do not remove `go`, do not lock a whole task)"
	case run.WrongOutput:
		return "the program printed the wrong result"
	case run.WrongFix:
		return "the program passes, but not with the synchronisation this lab teaches"
	case run.Build:
		return "the code does not compile"
	case run.Crash:
		return "the program crashed (panic)"
	case run.Timeout:
		return "the tests took too long and were stopped"
	}
	return "the tests failed"
}

// studentLines picks the output lines that point into the student's files.
func studentLines(output string, l *lab.Lab) []string {
	seen := map[string]bool{}
	var out []string
	for _, line := range strings.Split(output, "\n") {
		t := strings.TrimSpace(line)
		for _, f := range l.Editable {
			if strings.Contains(t, f+":") && !seen[t] && len(out) < 12 {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	return out
}
