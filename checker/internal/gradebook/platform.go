package gradebook

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/racelab/racelab/checker/protocol"
)

// What every per-student format shares: which labs did not run at all,
// which protected files a lab's result must mention, and how text is cut
// to a format's limit.

// errored reports whether a lab's tests never ran: the grader could not
// grade it (status Error, never the student's fault) or the program did not
// compile. A refused file is a verdict of the judge's static step, so it
// is a failed test, not an errored one.
func errored(r LabResult) bool {
	return r.Status == Error || r.Reason == string(protocol.Build)
}

// protectedFor lists the protected files a submission changed that concern
// lab: the lab's own (its tests, scripts, fixtures) and the course's (go.mod,
// the checker), not another lab's.
func protectedFor(s *Submission, lab string) []string {
	var out []string
	for _, p := range s.Protected {
		if rest, ok := strings.CutPrefix(p, "labs/"); ok && strings.Contains(rest, "/") {
			if dir, _, _ := strings.Cut(rest, "/"); dir != lab && dir != "internal" {
				continue
			}
		}
		out = append(out, p)
	}
	return out
}

// protectedNote is the sentence every format's text says about changed
// protected files, so a reader, or a script, finds it the same way
// everywhere: "protected files changed: a, b (...)".
func protectedNote(files []string) string {
	if len(files) == 0 {
		return ""
	}
	return fmt.Sprintf("protected files changed: %s (the grader ignored these changes and used the instructor's copies)", strings.Join(files, ", "))
}

// feedback is a lab's explanation in words, the one make lab prints: the
// message, then where it went wrong; for a build failure, then the
// compiler's own output too.
func feedback(r LabResult) string {
	parts := append([]string{r.Message}, r.Details...)
	if r.Build != "" {
		// The explanation names the line; the compiler's own words
		// follow, for a platform that links paths in the solution.
		parts = append(parts, r.Build)
	}
	return strings.TrimSpace(strings.Join(parts, "\n"))
}

// firstRace is the first race report of a lab's runs.
func firstRace(r LabResult) string {
	for _, run := range r.Runs {
		if run.Race != "" {
			return run.Race
		}
	}
	return ""
}

// join joins the non-empty texts with a blank line.
func join(texts ...string) string {
	var out []string
	for _, t := range texts {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return strings.Join(out, "\n\n")
}

// truncate cuts s to at most n characters (runes), mark included, ending
// with mark when it cut.
func truncate(s string, n int, mark string) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	keep := n - utf8.RuneCountInString(mark)
	if keep < 0 {
		return string([]rune(mark)[:n])
	}
	return string([]rune(s)[:keep]) + mark
}

// truncateBytes cuts s to at most n bytes, mark included, at a character
// boundary: a limit counted in bytes, where a multi-byte character makes
// the limit in characters smaller.
func truncateBytes(s string, n int, mark string) string {
	if len(s) <= n {
		return s
	}
	keep := n - len(mark)
	for keep > 0 && !utf8.RuneStart(s[keep]) {
		keep--
	}
	return s[:max(keep, 0)] + mark
}

// relPath marks paths into the student's tree, as the compiler and the
// checks print them (labs/01-waitgroup/squares/squares.go:12:3), as
// paths in the submission: <solution-dir>/labs/….
var relPath = regexp.MustCompile(`(^|[\s("'])((?:labs|solutions|checker)/[^\s:"']+\.go\b)`)

func solutionPaths(s string) string {
	return relPath.ReplaceAllString(s, "${1}"+SolutionDir+"/${2}")
}
