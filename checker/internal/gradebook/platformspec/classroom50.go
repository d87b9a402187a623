package platformspec

import (
	"encoding/json"
	"regexp"
)

// Classroom50Identity is what Classroom 50's runner checks a result.json
// against: the classroom and assignment it is grading.
type Classroom50Identity struct{ Classroom, Assignment string }

var utcSecond = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$`)

// Classroom50 checks a result.json against Classroom 50's contract
// (foundation50/classroom50, wiki/Advanced-Autograding.md, "The
// result.json contract") and the runner's own check of it
// (cli/gh-teacher/skeleton/dotgithub/scripts/runner.py, validate_result):
//
//   - schema: exactly classroom50/result/v1;
//   - classroom, assignment: the runner's;
//   - owner and assignment_type are stamped by the runner, so optional
//     here, but if present a non-empty string and individual, group or
//     team;
//   - submission: a submit/… tag; commit, release, review, datetime:
//     non-empty strings (datetime in UTC, to the second);
//   - score, max-score: non-negative integers (not booleans), score ≤
//     max-score, each the sum of the tests';
//   - tests: an array of objects with test-name (non-empty string), passed
//     (boolean), score and max-score (non-negative integers, score ≤
//     max-score); "extra diagnostic fields on a test are preserved".
func Classroom50(data []byte, want Classroom50Identity) error {
	var p problems
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		return err
	}
	if doc["schema"] != "classroom50/result/v1" {
		p.add("schema: %v", doc["schema"])
	}
	if doc["classroom"] != want.Classroom || doc["assignment"] != want.Assignment {
		p.add("classroom/assignment %v/%v, want %s/%s", doc["classroom"], doc["assignment"], want.Classroom, want.Assignment)
	}
	if v, ok := doc["owner"]; ok {
		if s, _ := v.(string); s == "" {
			p.add("owner: %v, want a non-empty string", v)
		}
	}
	if v, ok := doc["assignment_type"]; ok && !oneOf(v, "individual", "group", "team") {
		p.add("assignment_type: %v", v)
	}
	if s, _ := doc["submission"].(string); len(s) < len("submit/") || s[:len("submit/")] != "submit/" {
		p.add("submission: %v, want a submit/… tag", doc["submission"])
	}
	for _, k := range []string{"commit", "release", "review", "datetime"} {
		if s, _ := doc[k].(string); s == "" {
			p.add("%s: %v, want a non-empty string", k, doc[k])
		}
	}
	if s, _ := doc["datetime"].(string); !utcSecond.MatchString(s) {
		p.add("datetime %q: want UTC to the second, 2006-01-02T15:04:05Z", s)
	}
	nonNegInt := func(v any) bool { return isInt(v) && v.(float64) >= 0 }
	score, maxScore := doc["score"], doc["max-score"]
	if !nonNegInt(score) || !nonNegInt(maxScore) {
		p.add("score %v, max-score %v: want non-negative integers", score, maxScore)
	} else if score.(float64) > maxScore.(float64) {
		p.add("score %v > max-score %v", score, maxScore)
	}
	tests, ok := doc["tests"].([]any)
	if !ok {
		p.add("tests: want an array")
	}
	var sum, sumMax float64
	for i, raw := range tests {
		t, ok := raw.(map[string]any)
		if !ok {
			p.add("tests[%d]: not an object", i)
			continue
		}
		if s, _ := t["test-name"].(string); s == "" {
			p.add("tests[%d].test-name: want a non-empty string", i)
		}
		if _, ok := t["passed"].(bool); !ok {
			p.add("tests[%d].passed: want a boolean", i)
		}
		ts, tm := t["score"], t["max-score"]
		if !nonNegInt(ts) || !nonNegInt(tm) {
			p.add("tests[%d]: score %v, max-score %v: want non-negative integers", i, ts, tm)
			continue
		}
		if ts.(float64) > tm.(float64) {
			p.add("tests[%d]: score %v > max-score %v", i, ts, tm)
		}
		sum += ts.(float64)
		sumMax += tm.(float64)
	}
	if isNumber(score) && isNumber(maxScore) && len(tests) > 0 && (score.(float64) != sum || maxScore.(float64) != sumMax) {
		p.add("score %v/%v, but the tests add up to %v/%v", score, maxScore, sum, sumMax)
	}
	return p.err()
}
