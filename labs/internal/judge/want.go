package judge

import (
	"bytes"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/racelab/racelab/checker/protocol"
)

func (c *config) want(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 1 {
		ts.Fatalf("usage: want NAME [ARGS...]")
	}
	fn, ok := c.wants[args[0]]
	if !ok {
		ts.Fatalf("want %s: no such expectation registered by the lab's judge.Run", args[0])
	}
	expected, err := fn(args[1:])
	if err != nil {
		ts.Fatalf("want %s: %v", args[0], err)
	}
	missing, ok := findLines(ts.ReadFile("stdout"), expected)
	switch {
	case !ok && !neg:
		fail(ts, []protocol.Reason{protocol.WrongOutput}, "%s expected the line %q in the program's output; it printed:\n%s",
			protocol.MarkWrongOutput, missing, indent(ts.ReadFile("stdout")))
	case ok && neg:
		fail(ts, []protocol.Reason{protocol.WrongOutput}, "the program's output unexpectedly holds every expected line")
	}
}

// findLines reports whether every line of want appears, in order, as a
// whole line of got (trailing space ignored), and the first that does not.
func findLines(got, want string) (missing string, ok bool) {
	lines := strings.Split(strings.TrimRight(got, "\n"), "\n")
	i := 0
	for _, line := range strings.Split(strings.TrimRight(want, "\n"), "\n") {
		for i < len(lines) && strings.TrimRight(lines[i], " \t\r") != line {
			i++
		}
		if i == len(lines) {
			return line, false
		}
		i++
	}
	return "", true
}

func indent(s string) string {
	var b bytes.Buffer
	for _, line := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		b.WriteString("\t" + line + "\n")
	}
	return b.String()
}
