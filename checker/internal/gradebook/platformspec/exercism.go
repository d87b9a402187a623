package platformspec

import (
	"encoding/json"
	"unicode/utf8"
)

// Exercism checks a results.json against exercism's test-runner interface
// (exercism/docs, building/tooling/test-runners/interface.md; the
// website's page of the same name adds the 65,535 limit on the top-level
// message and "error only when no test was executed correctly"):
//
//   - version: number, 1, 2 or 3; tests need 2, task_id needs 3;
//   - status: pass (all tests passed), fail (at least one test failed or
//     errored), error (no test executed correctly);
//   - message: required when status is error, otherwise null or absent;
//     at most 65,535 characters (fewer with multi-byte characters);
//   - tests: an array; each has name (string), status (pass, fail or
//     error), optional message, optional output (at most 500 characters),
//     test_code (string; MUST for concept exercises) and optional task_id
//     (a number).
//
// wantVersion pins the version racelab writes.
func Exercism(data []byte, wantVersion int) error {
	var p problems
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		return err
	}
	if !isInt(doc["version"]) || int(doc["version"].(float64)) != wantVersion {
		p.add("version: %v, want %d", doc["version"], wantVersion)
	}
	status := doc["status"]
	if !oneOf(status, "pass", "fail", "error") {
		p.add("status: %v, want pass, fail or error", status)
	}
	msg, hasMsg := doc["message"]
	switch {
	case status == "error" && (!isString(msg) || msg == ""):
		p.add("status error needs a message saying why")
	case status != "error" && hasMsg && msg != nil:
		p.add("message %q with status %v: only an error has a top-level message", msg, status)
	}
	if s, ok := msg.(string); ok && len(s) > 65535 {
		p.add("message of %d bytes: the limit is 65535", len(s))
	}
	tests, ok := doc["tests"].([]any)
	if !ok {
		p.add("tests: %T, want an array", doc["tests"])
	}
	counts := map[any]int{}
	lastTask := 0
	for i, raw := range tests {
		t, ok := raw.(map[string]any)
		if !ok {
			p.add("tests[%d]: not an object", i)
			continue
		}
		if n, ok := t["name"].(string); !ok || n == "" {
			p.add("tests[%d].name: %v, want a non-empty string", i, t["name"])
		}
		if !oneOf(t["status"], "pass", "fail", "error") {
			p.add("tests[%d].status: %v", i, t["status"])
		}
		counts[t["status"]]++
		if m, ok := t["message"]; ok && m != nil && !isString(m) {
			p.add("tests[%d].message: %T, want a string or null", i, m)
		}
		if o, ok := t["output"]; ok && o != nil {
			if s, ok := o.(string); !ok || utf8.RuneCountInString(s) > 500 {
				p.add("tests[%d].output: %d characters, the limit is 500", i, utf8.RuneCountInString(s))
			}
		}
		if !isString(t["test_code"]) {
			p.add("tests[%d].test_code: %T, want a string", i, t["test_code"])
		}
		if id, ok := t["task_id"]; ok {
			if !isInt(id) || id.(float64) < 1 {
				p.add("tests[%d].task_id: %v, want a task number", i, id)
			} else if n := int(id.(float64)); n < lastTask {
				p.add("tests[%d]: task %d after task %d: tests go in the order of the test file", i, n, lastTask)
			} else {
				lastTask = n
			}
		}
		for _, k := range unknownKeys(t, "name", "status", "message", "output", "test_code", "task_id") {
			p.add("tests[%d]: key %q is not in the interface", i, k)
		}
	}
	for _, k := range unknownKeys(doc, "version", "status", "message", "tests") {
		p.add("key %q is not in the interface", k)
	}
	switch status {
	case "pass":
		if counts["fail"]+counts["error"] > 0 {
			p.add("status pass with failed or errored tests")
		}
	case "fail":
		if counts["fail"]+counts["error"] == 0 {
			p.add("status fail without a failed or errored test")
		}
		if counts["pass"]+counts["fail"] == 0 {
			p.add("status fail, but no test ran: that is an error")
		}
	case "error":
		if counts["pass"]+counts["fail"] > 0 {
			p.add("status error, but some tests ran")
		}
	}
	return p.err()
}
