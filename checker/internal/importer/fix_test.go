package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The lab's fix kinds must be ones its solution's change uses, or the
// lab would grade a student who makes the same change other-kind.
func TestSettleFix(t *testing.T) {
	tests := []struct {
		name             string
		declared, change []string
		want             []string
		problem, warning string // a substring, "" for none
		adapted          string
	}{
		{name: "declared and used", declared: []string{"mutex"}, change: []string{"mutex"}, want: []string{"mutex"}},
		{name: "inferred", change: []string{"channel", "waitgroup"}, want: []string{"channel", "waitgroup"},
			adapted: `fix = ["channel", "waitgroup"]: the kinds the solution's change uses`},
		{name: "inferred, no kind", want: []string{"any"},
			adapted: `fix = ["any"]: the solution's change uses no synchronising use`},
		{name: "any is any", declared: []string{"any"}, want: []string{"any"}},
		// The CI failure: --fix mutex for a fix that only moves an Unlock.
		{name: "declared, change uses none", declared: []string{"mutex"}, want: []string{"mutex"},
			problem: "--fix mutex: the solution does not use it. Compared with the racy program, as the grader compares a student's file with the shipped one, " +
				"the solution's change uses no synchronising use fixkind names (it only moves or removes code, e.g. an Unlock or a send), " +
				"so a student who made this very change would be graded other-kind. Import with --fix any"},
		{name: "declared, change uses another", declared: []string{"mutex"}, change: []string{"channel"}, want: []string{"mutex"},
			problem: "the solution's change uses channel, so a student who made this very change would be graded other-kind. Import with --fix channel"},
		{name: "declared, partly used", declared: []string{"mutex", "atomic"}, change: []string{"atomic"}, want: []string{"mutex", "atomic"},
			warning: "--fix mutex,atomic: the solution's change uses atomic, not mutex"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep := &Report{}
			assert.Equal(t, tc.want, settleFix(tc.declared, tc.change, rep))
			check := func(list []string, want string) {
				t.Helper()
				if want == "" {
					assert.Empty(t, list)
					return
				}
				require.Len(t, list, 1)
				assert.Contains(t, list[0], want)
			}
			check(rep.Problems, tc.problem)
			check(rep.Warnings, tc.warning)
			check(rep.Adapted, tc.adapted)
		})
	}
}

func TestLabNumber(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"labs/01-one", "labs/32-capstone", "solutions/05-five", "labs/internal"} {
		require.NoError(t, os.MkdirAll(filepath.Join(root, d), 0o755))
	}
	n, err := labNumber(root, 0)
	require.NoError(t, err)
	assert.Equal(t, 33, n, "after every other lab")
	n, err = labNumber(root, 28)
	require.NoError(t, err)
	assert.Equal(t, 28, n, "a free slot below the last lab")
	for want, msg := range map[int]string{
		32:  "--number 32 is taken: labs/32-capstone has it",
		5:   "--number 5 is taken: solutions/05-five has it",
		100: "--number 100: a lab's number is two digits",
		-1:  "--number -1: a lab's number is two digits",
	} {
		_, err := labNumber(root, want)
		require.Error(t, err, want)
		assert.True(t, strings.Contains(err.Error(), msg), "%d: %v", want, err)
	}
}
