package platformspec

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// The GitHub Classroom autograding reporter
// (classroom-resources/autograding-grading-reporter) reads each runner's
// result from <RUNNER>_RESULTS and does its own arithmetic. Reporter
// replays that arithmetic, as its source (src/console-results.js,
// src/aggregate-results.js, src/helpers/test-helpers.js,
// src/notify-classroom.js) does it, JavaScript's quirks included:
//
//   - a test line ends "- line <line_no>" unless line_no is exactly 0 (an
//     absent line_no prints "undefined");
//   - a runner's console points are (passed tests / tests) × (max_score ||
//     0), printed with toFixed(2) when max_score is not 0 (no tests: NaN);
//   - the notice GitHub Classroom records is "Points <Σ tests' score>/<Σ
//     max_score>" over the runners whose max_score is truthy (an absent
//     score makes it NaN).

// Reporter is what the reporter would show for one submission.
type Reporter struct {
	Console       []string           // its console lines, without colours
	ConsolePoints map[string]float64 // per runner, as "Total points for" prints it
	Notice        string             // the check run's annotation
	NoticeTotal   float64
	NoticeMax     float64
}

var runnerID = regexp.MustCompile(`^[a-zA-Z0-9]+$`)

// RunReporter replays the reporter over a classroom.json holding one
// result per runner, the runners in sorted order (as a workflow lists
// them from it).
func RunReporter(data []byte) (Reporter, error) {
	var runners map[string]map[string]any
	if err := json.Unmarshal(data, &runners); err != nil {
		return Reporter{}, err
	}
	ids := make([]string, 0, len(runners))
	for id := range runners {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	rep := Reporter{ConsolePoints: map[string]float64{}}
	var p problems
	for _, id := range ids {
		if !runnerID.MatchString(id) {
			p.add("runner %q: the reporter's runners input takes letters and digits only", id)
		}
		res := runners[id]
		tests, ok := res["tests"].([]any)
		if !ok {
			p.add("runner %s: no tests array (the reporter reads tests.length and throws)", id)
			continue
		}
		maxScore, _ := res["max_score"].(float64) // results.max_score || 0
		passed := 0
		rep.Console = append(rep.Console, "🔄 Processing: "+id)
		for _, raw := range tests {
			t, _ := raw.(map[string]any)
			name := jsString(t["name"])
			line := " - line " + jsString(t["line_no"])
			if n, ok := t["line_no"].(float64); ok && n == 0 {
				line = ""
			}
			switch t["status"] {
			case "pass":
				passed++
				rep.Console = append(rep.Console, "✅ "+name+line)
			case "error":
				msg := jsString(t["message"])
				if t["message"] == nil || msg == "" {
					msg = "Failed to run test '" + name + "'"
				}
				rep.Console = append(rep.Console, "Error: "+msg)
			default:
				rep.Console = append(rep.Console, "❌ "+name+line)
			}
			if code := jsString(t["test_code"]); t["test_code"] != nil && code != "" {
				rep.Console = append(rep.Console, "Test code:", code)
			}
		}
		score := float64(passed) / float64(len(tests)) * maxScore
		if maxScore != 0 {
			rep.ConsolePoints[id] = score
			rep.Console = append(rep.Console, fmt.Sprintf("Total points for %s: %s/%s", id, toFixed2(score), jsNumber(maxScore)))
		}
		if maxScore != 0 { // NotifyClassroom: if (!results.max_score) return acc
			rep.NoticeMax += maxScore
			for _, raw := range tests {
				t, _ := raw.(map[string]any)
				s, ok := t["score"].(float64)
				if !ok {
					s = math.NaN()
				}
				rep.NoticeTotal += s
			}
		}
	}
	rep.Notice = "Points " + jsNumber(rep.NoticeTotal) + "/" + jsNumber(rep.NoticeMax)
	return rep, p.err()
}

// Agree checks what issue 12 found wrong: no "undefined" or "NaN" on the
// console or in the notice, and the console's points adding up to the
// notice's for every runner and in total.
func (r Reporter) Agree(data []byte) error {
	var p problems
	for _, l := range append(r.Console, r.Notice) {
		if strings.Contains(l, "undefined") || strings.Contains(l, "NaN") {
			p.add("the reporter prints %q", l)
		}
	}
	var runners map[string]struct {
		Tests []struct {
			Score float64 `json:"score"`
		} `json:"tests"`
	}
	if err := json.Unmarshal(data, &runners); err != nil {
		return err
	}
	console := 0.0
	for id, res := range runners {
		want := 0.0
		for _, t := range res.Tests {
			want += t.Score
		}
		if got, ok := r.ConsolePoints[id]; ok && got != want {
			p.add("runner %s: the console says %s points, its tests' scores add up to %v", id, toFixed2(got), want)
		}
		console += r.ConsolePoints[id]
	}
	if console != r.NoticeTotal {
		p.add("the console's runners add up to %s, the notice says %s", toFixed2(console), r.Notice)
	}
	return p.err()
}

// jsString is String(v) as JavaScript's template literals print it.
func jsString(v any) string {
	switch x := v.(type) {
	case nil:
		return "undefined"
	case string:
		return x
	case float64:
		return jsNumber(x)
	case bool:
		return strconv.FormatBool(x)
	}
	return fmt.Sprint(v)
}

func jsNumber(f float64) string {
	if math.IsNaN(f) {
		return "NaN"
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

func toFixed2(f float64) string {
	if math.IsNaN(f) {
		return "NaN"
	}
	return strconv.FormatFloat(f, 'f', 2, 64)
}
