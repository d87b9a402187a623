package run

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestReasons(t *testing.T) {
	tests := []struct {
		name    string
		output  string
		build   bool
		timeout bool
		want    []Reason
	}{
		{"race", "==================\nWARNING: DATA RACE\nWrite at ...", false, false, []Reason{Race}},
		{"map crash is a race", "fatal error: concurrent map writes\n", false, false, []Reason{Race}},
		{"race beats a missing fix", "racelab: wrong fix: a.go:1:1: ...\nWARNING: DATA RACE\n", false, false, []Reason{Race, WrongFix}},
		{"leak", "racelab: goroutine leak: main returned ...", false, false, []Reason{Leak}},
		{"watchdog", "racelab: deadlock: the program did not finish", false, false, []Reason{Deadlock}},
		{"runtime deadlock", "fatal error: all goroutines are asleep - deadlock!", false, false, []Reason{Deadlock}},
		{"serialised", "racelab: not concurrent: at most 1 of the 8 tasks", false, false, []Reason{NotConcurrent}},
		{"want", "racelab: wrong output: expected the line", false, false, []Reason{WrongOutput}},
		{"stdout assertion", "FAIL: testdata/sum.txtar:4: no match for `^total` found in stdout", false, false, []Reason{WrongOutput}},
		{"panic", "x\npanic: runtime error: index out of range\n", false, false, []Reason{Crash}},
		{"build", "./bank.go:3:1: syntax error", true, false, []Reason{Build}},
		{"killed", "", false, true, []Reason{Timeout}},
		{"test timeout", "panic: test timed out after 2m0s\n", false, false, []Reason{Timeout}},
		{"unknown", "--- FAIL: TestLab (0.01s)", false, false, []Reason{Fail}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Reasons(tt.output, tt.build, tt.timeout)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.want[0], Primary(got))
		})
	}
	assert.Equal(t, Pass, Primary(nil))
}

func TestDecode(t *testing.T) {
	stream := strings.Join([]string{
		`{"Action":"start","Package":"p"}`,
		`{"Action":"run","Test":"TestLab"}`,
		`{"Action":"output","Test":"TestLab","Output":"=== RUN   TestLab\n"}`,
		`{"Action":"output","Test":"TestLab/static","Output":"    --- PASS: TestLab/static\n"}`,
		`{"Action":"pass","Test":"TestLab/static"}`,
		`{"Action":"skip","Test":"TestLab/scripts/x"}`,
		`{"Action":"fail","Test":"TestLab"}`,
		`not json: go test's own words`,
		`{"Action":"build-output","Output":"# p\n"}`,
		`{"Action":"build-fail"}`,
	}, "\n")
	out, tests, buildFailed := decode(strings.NewReader(stream))
	assert.Equal(t, "=== RUN   TestLab\n    --- PASS: TestLab/static\nnot json: go test's own words\n# p\n", out)
	assert.Equal(t, map[string]string{"TestLab/static": "pass", "TestLab/scripts/x": "skip", "TestLab": "fail"}, tests)
	assert.True(t, buildFailed)
}

func TestEnv(t *testing.T) {
	tests := []struct {
		name string
		base []string
		want []string
	}{
		{"empty", []string{"HOME=/h"}, []string{"HOME=/h", "GOFLAGS=-trimpath", "GORACE=atexit_sleep_ms=0"}},
		{"keeps the user's flags", []string{"GOFLAGS=-mod=mod", "GORACE=halt_on_error=1"},
			[]string{"GOFLAGS=-mod=mod -trimpath", "GORACE=halt_on_error=1 atexit_sleep_ms=0"}},
		{"keeps the user's exit sleep", []string{"GORACE=atexit_sleep_ms=5", "GOFLAGS=-trimpath"},
			[]string{"GOFLAGS=-trimpath", "GORACE=atexit_sleep_ms=5"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Env(tt.base))
		})
	}
}
