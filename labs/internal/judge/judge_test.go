package judge

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/racelab/racelab/checker/isolate"
	"github.com/racelab/racelab/checker/lab"
	"github.com/racelab/racelab/checker/protocol"
)

// behaviours runs the scripts of testdata/labs/01-behaviours: each starts
// the lab's program, prog, in a way a lab program can behave (hostile ones
// included) and checks how the judge classified the run.
func behaviours(t *testing.T) {
	t.Chdir("testdata/labs/01-behaviours")
	t.Setenv(protocol.EnvSkipStatic, "1") // prog uses what no student file may
	t.Setenv(protocol.EnvRunLimit, "4s")
	Run(t, Want("double", double), Command("reasons", reasons))
}

func TestBehaviours(t *testing.T) { behaviours(t) }

// In the sandbox the program behaves, and is judged, the same.
func TestBehavioursSandboxed(t *testing.T) {
	spec := testSpec(t)
	t.Setenv(protocol.EnvSandbox, spec.String())
	behaviours(t)
}

// testSpec is a sandbox as the grader makes one, or skips the test where
// bubblewrap is missing.
func testSpec(t *testing.T) isolate.Spec {
	bwrap, err := exec.LookPath("bwrap")
	if err != nil {
		t.Skip("bubblewrap is not installed (apt-get install bubblewrap)")
	}
	prlimit, err := exec.LookPath("prlimit")
	require.NoError(t, err)
	return isolate.Spec{Bwrap: bwrap, Prlimit: prlimit, UID: -1, CPUSeconds: 60, Data: 2 << 30,
		FileSize: 64 << 20, Scratch: 64 << 20, System: isolate.SystemBinds()}
}

func double(args []string) (string, error) {
	n, err := strconv.Atoi(args[0])
	return fmt.Sprintf("%d\n%d", n, 2*n), err
}

// reasons REASON... fails unless the last run of the program was
// classified exactly so.
func reasons(ts *testscript.TestScript, neg bool, args []string) {
	runs := state(ts).runs
	if len(runs) == 0 {
		ts.Fatalf("reasons: the program has not run")
	}
	last := runs[len(runs)-1]
	var got []string
	for _, r := range protocol.Classify(last) {
		got = append(got, string(r))
	}
	if !slices.Equal(got, args) {
		ts.Fatalf("the run (exit %d, limit %q) was classified %v, want %v", last.Exit, last.Limit, got, args)
	}
}

// verdictOf runs `go test` on a lab under testdata/labs, as make lab does,
// and returns the verdict its judge wrote and the test's output.
func verdictOf(t *testing.T, lab string, env ...string) (*protocol.Verdict, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "verdict.json")
	cmd := exec.Command(goTool(), "test", "-count=1", "./testdata/labs/"+lab)
	cmd.Env = append(append(os.Environ(), protocol.EnvVerdict+"="+path), env...)
	out, _ := cmd.CombinedOutput()
	v, err := protocol.ReadVerdict(path)
	require.NoError(t, err, "go test printed:\n%s", out)
	return v, string(out)
}

// A file the static checks refuse is never built, let alone run.
func TestRefusedIsNeverBuilt(t *testing.T) {
	v, out := verdictOf(t, "02-refused")
	assert.False(t, v.Passed)
	assert.Equal(t, []protocol.Reason{protocol.Refused}, v.Reasons)
	assert.Empty(t, v.Scripts, "no script ran")
	assert.Empty(t, v.Build)
	assert.NotContains(t, out, "=== RUN   TestLab/build")
	if assert.NotEmpty(t, v.Static) {
		assert.Equal(t, "confine", v.Static[0].Check)
		assert.Contains(t, v.Static[0].String(), "prog.go:")
	}
}

func TestBuildFailureIsReported(t *testing.T) {
	v, _ := verdictOf(t, "03-nobuild")
	assert.False(t, v.Passed)
	assert.Equal(t, []protocol.Reason{protocol.Build}, v.Reasons)
	assert.Contains(t, v.Build, "undefined: nothing")
	assert.Empty(t, v.Scripts)
}

// The verdict of a failing lab names every reason, each script's own, and
// what the program printed, as data.
func TestVerdictOfAFailingLab(t *testing.T) {
	v, _ := verdictOf(t, "04-racy")
	assert.False(t, v.Passed)
	assert.Equal(t, []protocol.Reason{protocol.Race, protocol.WrongOutput}, v.Reasons)
	require.Len(t, v.Scripts, 2)
	byName := map[string]protocol.Script{}
	for _, s := range v.Scripts {
		byName[s.Name] = s
	}
	race := byName["race"]
	assert.False(t, race.Passed)
	assert.Equal(t, []protocol.Reason{protocol.Race}, race.Reasons)
	require.Len(t, race.Runs, 1)
	assert.Equal(t, protocol.ExitRace, race.Runs[0].Exit)
	assert.Contains(t, race.Runs[0].Stderr, "WARNING: DATA RACE")
	assert.Equal(t, []protocol.Reason{protocol.WrongOutput}, byName["count"].Reasons)
	for _, s := range v.Scripts {
		n, err := strconv.Atoi(s.Vars["N"])
		require.NoError(t, err, "script %s: $N is kept", s.Name)
		assert.True(t, n >= 8 && n <= 32, "script %s: $N=%d", s.Name, n)
		assert.NotEmpty(t, s.Vars["SEED"], "script %s: $SEED is kept", s.Name)
	}
	assert.True(t, strings.HasPrefix(byName["count"].Failure, protocol.MarkWrongOutput), byName["count"].Failure)
}

// The grader hands the judge a program it built itself: no static step, no
// build, the same scripts.
func TestProgramHandedIn(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "prog")
	build := exec.Command(goTool(), append(append([]string{"build", "-o", bin}, protocol.BuildFlags()...), "./testdata/labs/04-racy/prog")...)
	out, err := build.CombinedOutput()
	require.NoError(t, err, "%s", out)
	v, text := verdictOf(t, "04-racy", protocol.EnvProgram+"="+bin)
	assert.Equal(t, []protocol.Reason{protocol.Race, protocol.WrongOutput}, v.Reasons)
	assert.NotContains(t, text, "TestLab/build")
	assert.Nil(t, v.Static)
}

// A program that works with another kind of fix than the lab teaches is
// neither passed nor called wrong: other-kind, naming both kinds.
func TestOtherKind(t *testing.T) {
	v, out := verdictOf(t, "05-otherkind")
	assert.False(t, v.Passed)
	assert.Equal(t, []protocol.Reason{protocol.OtherKind}, v.Reasons)
	assert.Empty(t, v.Static, "nothing wrong with the fix")
	for _, s := range v.Scripts {
		assert.True(t, s.Passed, s.Name)
	}
	assert.Contains(t, out, "this lab practises a sync.Mutex")
}

// In a testing lab the student's test is run against every variant of the
// implementation: a test that cannot see a race or a leak misses them.
func TestTestingLabMissed(t *testing.T) {
	v, _ := verdictOf(t, "06-testing")
	assert.False(t, v.Passed)
	assert.Equal(t, []protocol.Reason{protocol.Missed}, v.Reasons)
	for _, s := range v.Scripts {
		switch s.Name {
		case "shipped":
			assert.True(t, s.Passed, "the weak test passes the correct versions")
		default:
			assert.Equal(t, []protocol.Reason{protocol.Missed}, s.Reasons, s.Name)
			require.NotEmpty(t, s.Runs)
			assert.Equal(t, s.Name, s.Runs[0].Args[0], "the run names its variant")
			assert.Contains(t, s.Failure, protocol.MarkMissed)
		}
	}
}

// A concurrent test with goleak catches both bugs, and passes both correct
// versions; built by the caller (as the grader does), a folder of test
// binaries, the same.
func TestTestingLabCaught(t *testing.T) {
	v, out := verdictOf(t, "07-testing-good")
	assert.True(t, v.Passed, out)

	l, err := lab.Load("testdata/labs/07-testing-good")
	require.NoError(t, err)
	prog := filepath.Join(t.TempDir(), "counter")
	builds, err := l.Builds(prog, "", t.TempDir())
	require.NoError(t, err)
	require.Len(t, builds, 4, "shipped, atomic, racy, leaky")
	for _, b := range builds {
		out, err := exec.Command(goTool(), b.Args...).CombinedOutput()
		require.NoError(t, err, "%s", out)
	}
	v, out = verdictOf(t, "07-testing-good", protocol.EnvProgram+"="+prog)
	assert.True(t, v.Passed, out)
}

// A build the go command failed through its own fault is tried again,
// after pauses, and if it keeps failing it is the judge's fault, never the student's
// "does not build"; a compile error is the student's at once.
func TestBuildRetried(t *testing.T) {
	lost := "prog/main.go:3:8: could not import maps (open : no such file or directory)"
	for _, tc := range []struct {
		name    string
		outputs []string // each try's output; "" builds
		tries   int
		fault   bool
		fails   bool
	}{
		{"builds", []string{""}, 1, false, false},
		{"a compile error is not tried again", []string{"prog/main.go:3:15: undefined: x"}, 1, false, true},
		{"a lost import mends", []string{lost, ""}, 2, false, false},
		{"a lost import that stays is a fault", []string{lost, lost, lost}, 3, true, true},
		{"a lost import mends on the third try", []string{lost, lost, ""}, 3, false, false},
		{"killed, then a compile error", []string{"signal: killed", "prog/main.go:3:15: undefined: x"}, 2, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tries := 0
			out, fault, err := buildRetried(func() (string, error) {
				o := tc.outputs[tries]
				tries++
				if o == "" {
					return "", nil
				}
				return o, fmt.Errorf("exit status 1")
			})
			assert.Equal(t, tc.tries, tries)
			assert.Equal(t, tc.fault, fault != "", "fault %q", fault)
			assert.Equal(t, tc.fails, err != nil)
			if tc.fails {
				assert.Equal(t, tc.outputs[tries-1], out)
			}
		})
	}
}
