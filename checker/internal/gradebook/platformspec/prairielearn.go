package platformspec

import "encoding/json"

// PrairieLearn checks an external grader's results.json against
// PrairieLearn's "External Grading" page (PrairieLearn/PrairieLearn,
// docs/externalGrading.md, "Grading results"):
//
//   - gradable: boolean, optional (absent means true);
//   - score: a number in [0.0, 1.0], mandatory when gradable, "unneeded"
//     otherwise;
//   - format_errors: a string or an array of strings, with gradable false;
//   - message and output: strings; images: an array; tests: an array of
//     {name, description, points, max_points, message, output, images};
//   - any additional data may be added;
//   - "this file should be limited to 1 MB".
func PrairieLearn(data []byte) error {
	var p problems
	if len(data) > 1<<20 {
		p.add("%d bytes: the limit is 1 MB", len(data))
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		return err
	}
	gradable := true
	if v, ok := doc["gradable"]; ok {
		b, isBool := v.(bool)
		if !isBool {
			p.add("gradable: %v, want a boolean", v)
		}
		gradable = b
	}
	score, hasScore := doc["score"]
	switch {
	case gradable && !hasScore:
		p.add("a gradable result needs a score")
	case hasScore && (!isNumber(score) || score.(float64) < 0 || score.(float64) > 1):
		p.add("score: %v, want a number in [0, 1]", score)
	}
	if fe, ok := doc["format_errors"]; ok {
		list, isList := fe.([]any)
		okType := isString(fe) || isList
		for _, e := range list {
			okType = okType && isString(e)
		}
		if !okType {
			p.add("format_errors: want a string or an array of strings")
		}
		if gradable {
			p.add("format_errors on a gradable result")
		}
	}
	for _, k := range []string{"message", "output"} {
		if v, ok := doc[k]; ok && !isString(v) {
			p.add("%s: %T, want a string", k, v)
		}
	}
	if v, ok := doc["tests"]; ok {
		tests, isList := v.([]any)
		if !isList {
			p.add("tests: want an array")
		}
		for i, raw := range tests {
			t, ok := raw.(map[string]any)
			if !ok {
				p.add("tests[%d]: not an object", i)
				continue
			}
			for _, k := range []string{"name", "description", "message", "output"} {
				if v, ok := t[k]; ok && !isString(v) {
					p.add("tests[%d].%s: %T, want a string", i, k, v)
				}
			}
			if n, _ := t["name"].(string); n == "" {
				p.add("tests[%d]: no name", i)
			}
			pts, okP := t["points"].(float64)
			maxPts, okM := t["max_points"].(float64)
			if !okP || !okM {
				p.add("tests[%d]: points and max_points must be numbers", i)
			} else if pts < 0 || pts > maxPts {
				p.add("tests[%d]: %v of %v points", i, pts, maxPts)
			}
		}
	}
	return p.err()
}
