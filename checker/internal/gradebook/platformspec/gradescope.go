package platformspec

import "encoding/json"

var gradescopeVisibility = []string{"hidden", "after_due_date", "after_published", "visible"}

// Gradescope checks an autograder results.json against Gradescope's
// "Autograder Specifications" (gradescope-autograders.readthedocs.io,
// specs; gradescope/autograder_samples docs/specs.md), plus the per-test
// status its utilities write (gradescope-utils #27):
//
//   - score: number, optional, but required if not on each test;
//     execution_time (number), output (string), visibility and
//     stdout_visibility (hidden, after_due_date, after_published, visible),
//     extra_data (any), tests (required if no top-level score),
//     leaderboard: all optional;
//   - each test: score (number, required if no top-level score),
//     max_score (number), status (passed or failed), name, number and
//     output (strings), tags (strings), visibility, extra_data.
//
// No other key is in the spec, so none is accepted.
func Gradescope(data []byte) error {
	var p problems
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		return err
	}
	for _, k := range unknownKeys(doc, "score", "execution_time", "output", "output_format", "test_output_format", "test_name_format",
		"visibility", "stdout_visibility", "extra_data", "tests", "leaderboard") {
		p.add("key %q is not in the spec", k)
	}
	_, topScore := doc["score"]
	if topScore && !isNumber(doc["score"]) {
		p.add("score: %v, want a number", doc["score"])
	}
	if v, ok := doc["execution_time"]; ok && !isNumber(v) {
		p.add("execution_time: %v, want seconds", v)
	}
	if v, ok := doc["output"]; ok && !isString(v) {
		p.add("output: %T, want a string", v)
	}
	for _, k := range []string{"visibility", "stdout_visibility"} {
		if v, ok := doc[k]; ok && !oneOf(v, gradescopeVisibility...) {
			p.add("%s: %v", k, v)
		}
	}
	tests, hasTests := doc["tests"].([]any)
	if _, ok := doc["tests"]; ok && !hasTests {
		p.add("tests: %T, want an array", doc["tests"])
	}
	if !topScore && !hasTests {
		p.add("neither a score nor tests")
	}
	sum := 0.0
	for i, raw := range tests {
		t, ok := raw.(map[string]any)
		if !ok {
			p.add("tests[%d]: not an object", i)
			continue
		}
		for _, k := range unknownKeys(t, "score", "max_score", "status", "name", "name_format", "number", "output", "output_format", "tags", "visibility", "extra_data") {
			p.add("tests[%d]: key %q is not in the spec", i, k)
		}
		score, hasScore := t["score"]
		if !hasScore && !topScore {
			p.add("tests[%d]: no score, and none at the top level", i)
		}
		if hasScore && !isNumber(score) {
			p.add("tests[%d].score: %v", i, score)
		}
		if m, ok := t["max_score"]; ok {
			if !isNumber(m) {
				p.add("tests[%d].max_score: %v", i, m)
			} else if isNumber(score) && score.(float64) > m.(float64) {
				p.add("tests[%d]: score %v above max_score %v", i, score, m)
			}
		}
		if isNumber(score) {
			sum += score.(float64)
		}
		if v, ok := t["status"]; ok && !oneOf(v, "passed", "failed") {
			p.add("tests[%d].status: %v, want passed or failed", i, v)
		}
		for _, k := range []string{"name", "number", "output"} {
			if v, ok := t[k]; ok && !isString(v) {
				p.add("tests[%d].%s: %T, want a string", i, k, v)
			}
		}
		if tags, ok := t["tags"]; ok {
			list, ok := tags.([]any)
			for _, tag := range list {
				ok = ok && isString(tag)
			}
			if !ok {
				p.add("tests[%d].tags: want an array of strings", i)
			}
		}
		if v, ok := t["visibility"]; ok && !oneOf(v, gradescopeVisibility...) {
			p.add("tests[%d].visibility: %v", i, v)
		}
	}
	// racelab writes both, and they must agree: the top-level score
	// "overrides total of tests if specified".
	if topScore && hasTests && isNumber(doc["score"]) && doc["score"].(float64) != sum {
		p.add("score %v, but the tests add up to %v", doc["score"], sum)
	}
	return p.err()
}
