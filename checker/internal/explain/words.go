package explain

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/racelab/racelab/checker/protocol"
)

// What a script's opening comment says is shown to the student as the
// check that failed. The lab's author writes it once for every run, with
// the script's variables in it ("All $N servers are asked at once"), and
// sometimes a word about the lab's machinery; the student should read the
// numbers of the run that failed, and nothing about the machinery.

// reVar matches a script variable as testscript expands it, $N or ${N},
// with an optional small sum after it ($N-1), which a comment uses for
// "the other ones".
var reVar = regexp.MustCompile(`\$(?:\{(\w+)\}|(\w+))(?:([-+])(\d+)\b)?`)

// fill puts the run's values of the script's variables into text. A
// variable it has no value for is left as it is: a wrong number would be
// worse than a name.
func fill(text string, vars map[string]string) string {
	if len(vars) == 0 || !strings.Contains(text, "$") {
		return text
	}
	return reVar.ReplaceAllStringFunc(text, func(m string) string {
		s := reVar.FindStringSubmatch(m)
		name := s[1] + s[2]
		v, ok := vars[name]
		if !ok {
			return m
		}
		if s[3] == "" {
			return v
		}
		n, err1 := strconv.Atoi(v)
		d, err2 := strconv.Atoi(s[4])
		if err1 != nil || err2 != nil {
			return v + s[3] + s[4]
		}
		if s[3] == "-" {
			d = -d
		}
		return strconv.Itoa(n + d)
	})
}

// machinery is what a sentence a student reads must not mention: the
// lab's knobs (RACELAB_WINDOW, ...) are how the judge forces a bad
// interleaving, and the race detector's settings (GORACE's halt_on_error)
// how it stops a run; neither is part of the lesson.
var machinery = []string{"RACELAB_", "GORACE", "halt_on_error"}

// mentionsMachinery reports whether s names any of the machinery.
func mentionsMachinery(s string) bool {
	return slices.ContainsFunc(machinery, func(m string) bool { return strings.Contains(s, m) })
}

// withoutMachinery leaves out of text the sentences that mention the lab's
// machinery. Lab authors are taking such sentences out of their scripts;
// until every one is gone, a sentence is dropped whole rather than shown
// half-explained.
func withoutMachinery(text string) string {
	if !mentionsMachinery(text) {
		return text
	}
	var kept []string
	for _, s := range sentences(text) {
		if !mentionsMachinery(s) {
			kept = append(kept, strings.TrimSpace(s))
		}
	}
	return strings.Join(kept, " ")
}

// sentences cuts text after each full stop, question or exclamation mark
// that ends a sentence (followed by a space or the end), and after a
// parenthesis that closes a sentence of its own ("(… every time.)"). A
// stop inside parentheses ends nothing: the aside is part of its sentence.
func sentences(text string) []string {
	var out []string
	depth, start := 0, 0
	end := func(i int) bool { return i+1 == len(text) || text[i+1] == ' ' }
	for i := 0; i < len(text); i++ {
		cut := false
		switch text[i] {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
			cut = depth == 0 && i > 0 && strings.ContainsRune(".!?", rune(text[i-1])) && end(i)
		case '.', '!', '?':
			cut = depth == 0 && end(i)
		}
		if cut {
			out = append(out, text[start:i+1])
			start = i + 1
		}
	}
	if rest := strings.TrimSpace(text[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// studentText is a script comment as the student reads it: with the
// run's numbers, without the machinery.
func studentText(text string, vars map[string]string) string {
	return withoutMachinery(fill(text, vars))
}

// vars returns the values a script's variables had in its runs: the
// verdict's record of them when the judge kept one, and otherwise what can
// be read back from the runs themselves: an argument written $N in the
// script's command was the run's value of N.
func (sc *script) vars(s protocol.Script) map[string]string {
	if len(s.Vars) > 0 {
		out := make(map[string]string, len(s.Vars))
		for k, v := range s.Vars {
			out[strings.TrimPrefix(k, "$")] = v
		}
		return out
	}
	out := map[string]string{}
	for n, r := range s.Runs {
		i := sc.runIndex(n + 1)
		if i < 0 {
			break
		}
		for j, a := range sc.cmds[i].args {
			if j >= len(r.Args) {
				break
			}
			if m := reVar.FindStringSubmatch(a.text); a.expands && m != nil && m[0] == a.text && m[3] == "" {
				out[m[1]+m[2]] = r.Args[j]
			}
		}
	}
	return out
}
