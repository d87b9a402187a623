package explain

import (
	"regexp"
	"strconv"
	"strings"
)

// frame is one stack frame as a traceback or race report prints it.
type frame struct {
	fn   string // full function name, e.g. github.com/x/labs/03-mutex.(*Account).Deposit
	args string // the argument words as printed; empty in race reports
	file string // the path as printed: absolute, module path, or relative
	line int
}

// rawGoroutine is one goroutine of a traceback, a watchdog dump or a goleak
// report.
type rawGoroutine struct {
	id      int
	state   string
	frames  []frame
	created *frame // the go statement; nil for the main goroutine
	creator int    // the goroutine that ran it ("in goroutine N"), 0 when not said
}

var (
	// reFunc matches a frame's function line: name(args). The name has
	// no spaces (but may have parentheses, as in (*T).M); the args have none.
	reFunc = regexp.MustCompile(`^(\S+)\(([^()]*)\)$`)
	// reLoc matches a frame's location line: path:line, then the pc
	// offset, and in GOTRACEBACK=system tracebacks also fp, sp and pc.
	reLoc = regexp.MustCompile(`^(.+?\.(?:go|s|c)):(\d+)(?:\s+\+0x[0-9a-f]+)?(?:\s+fp=.*)?$`)
	// reCreatedBy matches a traceback's "created by F in goroutine N".
	reCreatedBy = regexp.MustCompile(`^created by (\S+)(?: in goroutine (\d+))?$`)
	// reDumpHeader matches a traceback's goroutine header, plain
	// ("goroutine 7 [chan send]:") or with GOTRACEBACK=system's extras
	// ("goroutine 7 gp=0xc000 m=nil [chan send]:").
	reDumpHeader = regexp.MustCompile(`^goroutine (\d+)(?: [^\[]*)? \[(.*)\]:$`)
	// reLeakHeader matches goleak's goroutine header.
	reLeakHeader = regexp.MustCompile(`^\[?Goroutine (\d+) in state (.+?), with (\S+) on top of the stack:$`)
)

// parseFrame reads the frame at ls[i] (function line, then location line).
func parseFrame(ls []line, i int) (frame, bool) {
	if i+1 >= len(ls) {
		return frame{}, false
	}
	fm := reFunc.FindStringSubmatch(ls[i].text)
	lm := reLoc.FindStringSubmatch(ls[i+1].text)
	if fm == nil || lm == nil {
		return frame{}, false
	}
	n, _ := strconv.Atoi(lm[2])
	return frame{fn: fm[1], args: fm[2], file: lm[1], line: n}, true
}

// parseFrames reads consecutive frames from ls[i].
func parseFrames(ls []line, i int) ([]frame, int) {
	var frames []frame
	for {
		f, ok := parseFrame(ls, i)
		if !ok {
			return frames, i
		}
		frames = append(frames, f)
		i += 2
	}
}

// parseCreatedBy reads "created by F in goroutine N" and its location: the
// go statement and the number of the goroutine that ran it (0 when the
// line does not say, as before Go 1.21).
func parseCreatedBy(ls []line, i int) (*frame, int, int, bool) {
	m := reCreatedBy.FindStringSubmatch(ls[i].text)
	if m == nil {
		return nil, 0, i, false
	}
	f := &frame{fn: m[1]}
	creator, _ := strconv.Atoi(m[2])
	if i+1 < len(ls) {
		if lm := reLoc.FindStringSubmatch(ls[i+1].text); lm != nil {
			f.file = lm[1]
			f.line, _ = strconv.Atoi(lm[2])
			return f, creator, i + 2, true
		}
	}
	return f, creator, i + 1, true
}

// parseDump reads a traceback's goroutines from ls[i], as printed by a
// panic, a fatal error or runtime.Stack, until a line that belongs to none.
func parseDump(ls []line, i int) ([]rawGoroutine, int) {
	var gs []rawGoroutine
	for i < len(ls) {
		t := ls[i].text
		if m := reDumpHeader.FindStringSubmatch(t); m != nil {
			id, _ := strconv.Atoi(m[1])
			gs = append(gs, rawGoroutine{id: id, state: m[2]})
			i++
			continue
		}
		if len(gs) == 0 {
			break
		}
		g := &gs[len(gs)-1]
		if f, ok := parseFrame(ls, i); ok {
			g.frames = append(g.frames, f)
			i += 2
			continue
		}
		if c, creator, next, ok := parseCreatedBy(ls, i); ok {
			g.created, g.creator = c, creator
			i = next
			continue
		}
		if strings.HasPrefix(t, "...") || strings.HasPrefix(t, "goroutine running on other thread") {
			i++
			continue
		}
		break
	}
	return gs, i
}

// parseLeak reads goleak's list of goroutines from ls[i], up to its
// closing bracket.
func parseLeak(ls []line, i int) ([]rawGoroutine, int) {
	var gs []rawGoroutine
	for i < len(ls) {
		t := ls[i].text
		if t == "]" {
			return gs, i + 1
		}
		if m := reLeakHeader.FindStringSubmatch(t); m != nil {
			id, _ := strconv.Atoi(m[1])
			gs = append(gs, rawGoroutine{id: id, state: m[2]})
			i++
			continue
		}
		if len(gs) == 0 {
			if t == "found unexpected goroutines:" {
				i++
				continue
			}
			break
		}
		g := &gs[len(gs)-1]
		if f, ok := parseFrame(ls, i); ok {
			g.frames = append(g.frames, f)
			i += 2
			continue
		}
		if c, creator, next, ok := parseCreatedBy(ls, i); ok {
			g.created, g.creator = c, creator
			i = next
			continue
		}
		break
	}
	return gs, i
}

// shortFunc drops the package path from a function name:
// main.(*Account).Deposit becomes (*Account).Deposit, main.run.func1 (a
// lab program's package is main) becomes run.func1, and
// github.com/x/labs/03-mutex/customers.Random becomes Random.
func shortFunc(fn string) string {
	if i := strings.LastIndex(fn, "/"); i >= 0 {
		fn = fn[i+1:]
	}
	if i := strings.Index(fn, "."); i >= 0 {
		fn = fn[i+1:]
	}
	return fn
}

// splitArgs splits a frame's printed arguments at top-level commas:
// "0xc0001, {0xc0002, 0x5}, 0x1" has three.
func splitArgs(args string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range args {
		switch r {
		case '{':
			depth++
		case '}':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, strings.TrimSpace(args[start:i]))
				start = i + 1
			}
		}
	}
	if s := strings.TrimSpace(args[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// word reads one printed argument word. The traceback marks with "?" the
// words it is not sure of (registers that may have been reused); those are
// not trusted.
func word(s string) (uint64, bool) {
	if !strings.HasPrefix(s, "0x") || strings.HasSuffix(s, "?") {
		return 0, false
	}
	v, err := strconv.ParseUint(s[2:], 16, 64)
	return v, err == nil
}
