package explain

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// TestOutput reads the event stream of `go test -json` and returns the
// output it carries as text for Input.Output. Output is grouped by test, in
// the order the tests first spoke, because parallel tests (every lab script
// is one) print at the same time and their lines interleave in the stream;
// build output, which belongs to no test, comes first. Lines that are not
// JSON events are kept as they are.
func TestOutput(r io.Reader) (string, error) {
	type event struct {
		Action     string
		Test       string
		ImportPath string
		Output     string
	}
	var order []string
	byTest := map[string]*strings.Builder{}
	add := func(key, text string) {
		b, ok := byTest[key]
		if !ok {
			b = &strings.Builder{}
			byTest[key] = b
			order = append(order, key)
		}
		b.WriteString(text)
	}
	var build strings.Builder
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	for sc.Scan() {
		raw := sc.Bytes()
		if !bytes.HasPrefix(bytes.TrimSpace(raw), []byte("{")) {
			add("", string(raw)+"\n")
			continue
		}
		var e event
		if err := json.Unmarshal(raw, &e); err != nil {
			add("", string(raw)+"\n")
			continue
		}
		switch {
		case e.Action == "build-output":
			build.WriteString(e.Output)
		case e.Output != "":
			add(e.Test, e.Output)
		}
	}
	if err := sc.Err(); err != nil {
		return "", fmt.Errorf("reading go test -json output: %w", err)
	}
	var out strings.Builder
	out.WriteString(build.String())
	for _, k := range order {
		out.WriteString(byTest[k].String())
	}
	return out.String(), nil
}

// line is one line of output, as the parsers see it.
type line struct {
	raw  string // without a test log's "file.go:NN: " prefix; indentation kept
	text string // raw without surrounding space
}

var (
	// reMarker matches the testing package's framing lines, which say
	// whose output follows when tests run in parallel.
	reMarker = regexp.MustCompile(`^=== (?:RUN|PAUSE|CONT|NAME)\s+(\S+)`)
	// reResult matches the testing package's result lines, which tell
	// the student nothing the explanation does not.
	reResult = regexp.MustCompile(`^(?:--- (?:FAIL|PASS|SKIP): |PASS$|FAIL$|FAIL\t|ok\s+\t)`)
	// reLogPrefix matches what t.Log puts before the first line of a
	// message: indentation, the caller's file and line.
	reLogPrefix = regexp.MustCompile(`^(\s+)[\w.-]+\.go:\d+: `)
)

// splitLines cuts out into lines, puts each test's lines together (plain
// -v output interleaves parallel tests, marking each switch with "=== NAME"),
// and drops blank lines and the testing package's own framing.
func splitLines(out string) []line {
	var order []string
	byTest := map[string][]line{}
	cur := ""
	for _, raw := range strings.Split(out, "\n") {
		raw = strings.TrimRight(raw, "\r")
		text := strings.TrimSpace(raw)
		if m := reMarker.FindStringSubmatch(text); m != nil {
			cur = m[1]
			continue
		}
		if text == "" || reResult.MatchString(text) {
			continue
		}
		if m := reLogPrefix.FindStringSubmatchIndex(raw); m != nil {
			raw = raw[m[2]:m[3]] + raw[m[1]:]
			text = strings.TrimSpace(raw)
		}
		if _, ok := byTest[cur]; !ok {
			order = append(order, cur)
		}
		byTest[cur] = append(byTest[cur], line{raw: raw, text: text})
	}
	var all []line
	for _, k := range order {
		all = append(all, byTest[k]...)
	}
	return all
}
