package explain

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/racelab/racelab/checker/protocol"
)

// scripts reads the lab's scripts (LAB/testdata/NAME.txtar), once each,
// for one Parse call: a verdict names the script that failed, and the
// script's comments say what it checks.
type scripts struct {
	dir  string // the lab's testdata folder; "" when unknown
	prog string // the program's command
	all  map[string]*script
}

// script is the script part of a txtar file: its lines, and its commands.
type script struct {
	prog  string
	lines []string // lines[n-1] is line n
	cmds  []command
}

// command is one command line of a script.
type command struct {
	line int
	neg  bool
	name string
	args []arg
}

// arg is a command's argument, unquoted; expands is set when testscript
// would expand a variable in it, which the verdict does not record.
type arg struct {
	text    string
	expands bool
}

func newScripts(programDir string) *scripts {
	s := &scripts{all: map[string]*script{}}
	if programDir != "" {
		dir := filepath.Clean(programDir)
		s.dir = filepath.Join(filepath.Dir(dir), "testdata")
		s.prog = filepath.Base(dir)
	}
	return s
}

// get returns the script named name, or nil when it cannot be read (a
// nil *script answers every question with "unknown").
func (s *scripts) get(name string) *script {
	if sc, ok := s.all[name]; ok {
		return sc
	}
	var sc *script
	if s.dir != "" && !strings.ContainsAny(name, `/\`) {
		if data, err := os.ReadFile(filepath.Join(s.dir, name+".txtar")); err == nil {
			sc = parseScript(string(data), s.prog)
		}
	}
	s.all[name] = sc
	return sc
}

// reFileMarker matches a txtar file marker, which ends the script.
var reFileMarker = regexp.MustCompile(`^-- \S.* --$`)

func parseScript(text, prog string) *script {
	sc := &script{prog: prog}
	for i, l := range strings.Split(text, "\n") {
		l = strings.TrimRight(l, "\r")
		if reFileMarker.MatchString(l) {
			break
		}
		sc.lines = append(sc.lines, l)
		if c, ok := parseCommand(l); ok {
			c.line = i + 1
			sc.cmds = append(sc.cmds, c)
		}
	}
	return sc
}

// parseCommand reads a command line as testscript does: words separated by
// spaces, single quotes around words with spaces (two of them inside for a
// quote), a # outside quotes starting a comment, conditions ([short]) and
// ! first.
func parseCommand(l string) (command, bool) {
	var words []arg
	var cur arg
	in, quoted := false, false
	for i := 0; i <= len(l); i++ {
		if !quoted && (i == len(l) || l[i] == ' ' || l[i] == '\t' || l[i] == '#') {
			if in {
				words = append(words, cur)
				cur, in = arg{}, false
			}
			if i == len(l) || l[i] == '#' {
				break
			}
			continue
		}
		if i == len(l) {
			return command{}, false // an unterminated quote
		}
		in = true
		switch {
		case l[i] == '\'' && quoted && i+1 < len(l) && l[i+1] == '\'':
			cur.text += "'"
			i++
		case l[i] == '\'':
			quoted = !quoted
		default:
			if l[i] == '$' && !quoted {
				cur.expands = true
			}
			cur.text += string(l[i])
		}
	}
	var c command
	for len(words) > 0 && strings.HasPrefix(words[0].text, "[") && strings.HasSuffix(words[0].text, "]") {
		words = words[1:]
	}
	if len(words) > 0 && words[0].text == "!" {
		c.neg, words = true, words[1:]
	}
	if len(words) == 0 {
		return command{}, false
	}
	c.name, c.args = words[0].text, words[1:]
	return c, true
}

// run returns the line of the command that started the program for the
// nth time (1-based), 0 when unknown.
func (sc *script) run(n int) int {
	if i := sc.runIndex(n); i >= 0 {
		return sc.cmds[i].line
	}
	return 0
}

// runIndex is the index in cmds of the nth start of the program; -1 when
// there is none (n == 0: before the first).
func (sc *script) runIndex(n int) int {
	if sc == nil {
		return -1
	}
	for i, c := range sc.cmds {
		if c.name == sc.prog {
			if n--; n == 0 {
				return i
			}
		}
	}
	return -1
}

// following returns the commands after the nth start of the program, up
// to the next one: the checks of that run's output.
func (sc *script) following(n int) []command {
	if sc == nil {
		return nil
	}
	i := sc.runIndex(n)
	if i < 0 && n > 0 {
		return nil // the script has fewer starts than the verdict: not this script
	}
	var out []command
	for _, c := range sc.cmds[i+1:] {
		if c.name == sc.prog {
			break
		}
		out = append(out, c)
	}
	return out
}

// after returns the line of the first command called name after the nth
// start of the program, 0 when unknown.
func (sc *script) after(n int, name string) int {
	for _, c := range sc.following(n) {
		if c.name == name {
			return c.line
		}
	}
	return 0
}

// checks finds, among the checks that follow the nth start of the program,
// the first that run's output fails, as testscript would: its line, and
// testscript's words for the failure. It stops, and returns 0 and "", at a
// check it cannot evaluate (one that names a variable whose value the
// verdict does not record).
func (sc *script) checks(n int, r protocol.Run) (int, string) {
	for _, c := range sc.following(n) {
		var text string
		switch c.name {
		case "stdout":
			text = r.Stdout
		case "stderr":
			text = r.Stderr
		case "want", "env":
			continue
		default:
			return 0, ""
		}
		msg, ok := match(c, text)
		if !ok {
			return 0, ""
		}
		if msg != "" {
			return c.line, msg
		}
	}
	return 0, ""
}

// match evaluates a stdout or stderr check against text and returns
// testscript's message when it fails, "" when it passes; ok is false when
// it cannot tell.
func match(c command, text string) (msg string, ok bool) {
	args, count := c.args, 0
	if len(args) > 0 && strings.HasPrefix(args[0].text, "-count=") {
		if _, err := fmt.Sscanf(args[0].text, "-count=%d", &count); err != nil || c.neg {
			return "", false
		}
		args = args[1:]
	}
	if len(args) != 1 || args[0].expands {
		return "", false
	}
	pattern := args[0].text
	re, err := regexp.Compile(`(?m)` + pattern)
	if err != nil {
		return "", false
	}
	switch {
	case c.neg && re.MatchString(text):
		return fmt.Sprintf("unexpected match for %#q found in %s: %s", pattern, c.name, re.FindString(text)), true
	case c.neg:
		return "", true
	case !re.MatchString(text):
		return fmt.Sprintf("no match for %#q found in %s", pattern, c.name), true
	case count > 0:
		if got := len(re.FindAllString(text, -1)); got != count {
			return fmt.Sprintf("have %d matches for %#q, want %d", got, pattern, count), true
		}
	}
	return "", true
}

// comment returns what the section holding line at checks, in English
// and in Bahasa Indonesia: the comment that opens it. When the line is
// unknown, the section of the nth start of the program, or the first one.
func (sc *script) comment(at, n int) (en, id string) {
	if sc == nil {
		return "", ""
	}
	if at == 0 {
		at = sc.run(n)
	}
	if at == 0 {
		at = len(sc.lines) + 1
		if len(sc.cmds) > 0 {
			at = sc.cmds[0].line
		}
	}
	// Back from the line to the nearest comment, then up through the
	// comment's lines (blank lines do not end it).
	j := min(at, len(sc.lines)+1) - 2
	for ; j >= 0 && !isComment(sc.lines[j]); j-- {
	}
	var lines []string
	for ; j >= 0; j-- {
		l := strings.TrimSpace(sc.lines[j])
		if l == "" {
			continue
		}
		if !isComment(l) {
			break
		}
		lines = append([]string{strings.TrimSpace(strings.TrimPrefix(l, "#"))}, lines...)
	}
	return SplitComment(lines)
}

func isComment(l string) bool { return strings.HasPrefix(strings.TrimSpace(l), "#") }
