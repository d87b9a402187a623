package run

import (
	"context"
	"strings"
	"testing"
	"time"
)

// fake makes Exec run a shell snippet instead of the test binary, so the
// event-stream handling is tested without building a lab.
func fake(script string) func([]string) []string {
	return func([]string) []string { return []string{"sh", "-c", script} }
}

func TestExecWithOutcomes(t *testing.T) {
	tests := []struct {
		name      string
		script    string
		max       int
		passed    bool
		truncated bool
		reason    Reason
	}{
		{"exit 0 without any test reported is no pass", "exit 0", 0, false, false, Fail},
		{"a fake unframed PASS line and exit 0 is no pass",
			`printf -- '--- PASS: TestLab/static (0.00s)\nPASS\nok\n'; exit 0`, 0, false, false, Fail},
		{"output past the limit kills the run", "while :; do echo 0123456789abcdef; done", 1 << 14, false, true, Fail},
		{"a failing exit is classified", "echo 'WARNING: DATA RACE'; exit 66", 0, false, false, Race},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			res, err := ExecWith(ctx, "unused", t.TempDir(), ExecOptions{Wrap: fake(tc.script), MaxOutput: tc.max})
			if err != nil {
				t.Fatal(err)
			}
			if res.Passed() != tc.passed || res.Truncated != tc.truncated || res.Reason() != tc.reason || strings.HasSuffix(tc.script, "exit 0") != (res.ExitCode == 0) {
				t.Errorf("passed=%v truncated=%v reason=%s, want %v %v %s\noutput:\n%.500s",
					res.Passed(), res.Truncated, res.Reason(), tc.passed, tc.truncated, tc.reason, res.Output)
			}
			if tc.max > 0 && len(res.Output) > 2*tc.max+200 {
				t.Errorf("kept %d bytes of output, limit %d", len(res.Output), tc.max)
			}
		})
	}
}

func TestExecKeepsFramedPass(t *testing.T) {
	// What a real test binary prints under -test.v=test2json: framing lines
	// start with ^V.
	script := `printf '\026=== RUN   TestLab\n\026--- PASS: TestLab (0.00s)\n\026PASS\n'`
	res, err := ExecWith(context.Background(), "unused", t.TempDir(), ExecOptions{Wrap: fake(script)})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Passed() || res.Tests["TestLab"] != "pass" || res.ExitCode != 0 {
		t.Fatalf("passed=%v tests=%v output=%q", res.Passed(), res.Tests, res.Output)
	}
	if !strings.Contains(res.Output, "PASS") {
		t.Errorf("output lost: %q", res.Output)
	}
	// The raw stream is kept whole for readers of events (explain), even
	// though decoding it has read it.
	if !strings.Contains(res.Stream, `"Action":"pass"`) || !strings.Contains(res.Stream, `"Test":"TestLab"`) {
		t.Errorf("stream lost: %q", res.Stream)
	}
}
