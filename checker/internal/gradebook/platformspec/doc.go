// Package platformspec checks racelab's per-platform outputs against each
// platform's published shape, independently of the code that writes them:
// every checker decodes the raw bytes (never racelab's own types) and is
// written from the platform's specification text, whose source each
// file names. The tests of gradebook (golden files) and the end-to-end
// grading test (a real class) both run them.
//
// JUnit XML is checked with a real XML Schema validator (xmllint, Debian's
// libxml2-utils) against two schemas in xsd/: Jenkins' junit-4.xsd and the
// strict schema of Ant's JUnit task. Those schemas are written here from
// the published ones' constraints, element by element, not copied.
package platformspec

import (
	"errors"
	"fmt"
)

// problems collects every violation of a spec, so that one run of a check
// lists them all.
type problems []error

func (p *problems) add(format string, args ...any) { *p = append(*p, fmt.Errorf(format, args...)) }

func (p problems) err() error { return errors.Join(p...) }

// object, str, num and the like read a JSON value decoded into any, as the
// spec's "type" column says, recording a problem when it is not one.

func isString(v any) bool { _, ok := v.(string); return ok }

func isNumber(v any) bool { _, ok := v.(float64); return ok }

func isInt(v any) bool {
	f, ok := v.(float64)
	return ok && f == float64(int64(f))
}

func oneOf(v any, allowed ...string) bool {
	s, ok := v.(string)
	if !ok {
		return false
	}
	for _, a := range allowed {
		if s == a {
			return true
		}
	}
	return false
}

// keys reports the keys of m that are not in allowed.
func unknownKeys(m map[string]any, allowed ...string) []string {
	var out []string
	for k := range m {
		found := false
		for _, a := range allowed {
			if k == a {
				found = true
			}
		}
		if !found {
			out = append(out, k)
		}
	}
	return out
}
