package importer

import (
	"context"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/racelab/racelab/checker/internal/mutate"
	"github.com/racelab/racelab/checker/internal/run"
	"github.com/racelab/racelab/checker/internal/workspace"
	"github.com/racelab/racelab/checker/lab"
	"github.com/racelab/racelab/checker/protocol"
)

// repoRoot is the racelab module, whose go.mod the type-checks use.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../../..")
	require.NoError(t, err)
	return root
}

func TestSlugFor(t *testing.T) {
	tests := map[string]string{
		"bugs/counter/racy":         "counter",
		"bugs/loop-counter/racy.go": "loop-counter",
		"bugs/Map_Race":             "map-race",
		"x/racy_counter.go":         "counter",
		"collection/main.go":        "collection",
		"racy/main.go":              "",
	}
	for path, want := range tests {
		assert.Equal(t, want, slugFor(path), path)
	}
}

func TestScript(t *testing.T) {
	sd := scriptData{prog: "bank", args: []string{"-n", "5", "two words", "$HOME", "it's"}, watchdog: 15 * time.Second, slow: true,
		goroutines: 12, data: map[string][]byte{"in.txt": []byte("a\nb")}}
	got := string(script(sd))
	assert.True(t, strings.HasPrefix(got, "# "), "opens with the comment students see")
	assert.Contains(t, got, "\n# id: ")
	assert.Contains(t, got, "env RACELAB_WATCHDOG=15s\n")
	assert.Contains(t, got, "env RACELAB_MIN_GOROUTINES=12\n", "the solution's goroutines, demanded")
	assert.NotContains(t, got, "RACELAB_WINDOW", "the goroutine count needs no window")
	assert.NotContains(t, got, "RACELAB_MEASURE", "only the import's own runs measure")
	assert.Contains(t, got, "\nbank -n 5 'two words' '$HOME' 'it''s'\n", "the program's own command, not exec")
	assert.NotContains(t, got, "exec ")
	assert.Contains(t, got, "-- in.txt --\na\nb\n")

	// The import's measuring runs are the lab's, but for one line.
	sd.measure = true
	measuring := string(script(sd))
	assert.Equal(t, got, strings.Replace(measuring, "env RACELAB_MEASURE=1\n", "", 1))

	blocking := string(script(scriptData{prog: "bank", watchdog: blockingWatchdog}))
	assert.Contains(t, blocking, "within 3s")
	assert.NotContains(t, blocking, "RACELAB_MIN_GOROUTINES", "no goroutines measured, no demand")
	assert.NotContains(t, blocking, "every goroutine", "nor words about one")
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644))
	}
	write("main.go", "//go:build ignore\n\npackage main\n\nfunc main() {}\n")
	write("main_test.go", "package main\n")
	write("input.txt", "1 2 3\n")
	write("README.md", "# a bug\n")
	p, err := load("racy", dir)
	require.NoError(t, err)
	assert.Equal(t, []string{"main.go"}, sortedNames(p.files))
	assert.NotContains(t, string(p.files["main.go"]), "ignore", "the ignore constraint would keep it out of the lab")
	assert.Equal(t, []string{"input.txt"}, sortedNames(p.data))
	assert.Contains(t, strings.Join(p.skipped, "\n"), "main_test.go")

	single, err := load("racy", filepath.Join(dir, "main.go"))
	require.NoError(t, err)
	assert.Len(t, single.files, 1)

	write("main.go", "package other\n\nfunc main() {}\n")
	_, err = load("racy", dir)
	assert.ErrorContains(t, err, "is package other")
	write("main.go", "package main\n\nfunc run() {}\n")
	_, err = load("racy", dir)
	assert.ErrorContains(t, err, "has no func main")
}

func TestFindGoMod(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module x\n\ngo 1.20\n"), 0o644))
	sub := filepath.Join(dir, "racy")
	require.NoError(t, os.MkdirAll(sub, 0o755))
	path, v := findGoMod(sub)
	assert.Equal(t, "1.20", v)
	assert.Equal(t, filepath.Join(dir, "go.mod"), path)
	_, v = findGoMod(filepath.Join(repoRoot(t), "checker", "testdata"))
	assert.Equal(t, "", v, "racelab's own go.mod does not speak for imported programs")
}

const racyMarks = "package main\n\nimport \"sync\"\n\nvar n int\n\nfunc main() {\n\tvar wg sync.WaitGroup\n\tfor i := 0; i < 4; i++ {\n\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\tn++\n\t\t}()\n\t}\n\twg.Wait()\n\tprintln(`a raw\nstring\n`, n)\n}\n"

const fixedMarks = "package main\n\nimport \"sync\"\n\nvar (\n\tn  int\n\tmu sync.Mutex\n)\n\nfunc main() {\n\tvar wg sync.WaitGroup\n\tfor i := 0; i < 4; i++ {\n\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\tmu.Lock()\n\t\t\tn++\n\t\t\tmu.Unlock()\n\t\t}()\n\t}\n\twg.Wait()\n\tprintln(`a raw\nchanged string\n`, n)\n}\n"

func TestMarks(t *testing.T) {
	shipped, todos := markTODOs("m.go", []byte(racyMarks), []byte(fixedMarks))
	assert.Equal(t, 1, todos, "the change at package level gets none; the raw string cannot take one")
	assert.Contains(t, string(shipped), "defer wg.Done()\n\t\t\t"+studentTODO+"\n\t\t\tn++")
	assert.True(t, sameTokens([]byte(racyMarks), shipped))

	sol, notes := markFixes([]byte(racyMarks), []byte(fixedMarks))
	assert.True(t, sameTokens([]byte(fixedMarks), sol))
	assert.Contains(t, string(sol), "mu.Lock() "+fixNote)
	assert.Contains(t, string(sol), "mu.Unlock() "+fixNote)
	assert.NotContains(t, string(sol), "\n) "+fixNote, "a lone bracket needs no explanation")
	assert.Contains(t, string(sol), "\nchanged string\n`, n)", "inside a raw string a comment would change the program")
	assert.GreaterOrEqual(t, notes, 4)
}

func TestSameTokens(t *testing.T) {
	assert.True(t, sameTokens([]byte("a := 1\nb := 2\n"), []byte("a := 1 // c\n// d\nb := 2\n")))
	assert.False(t, sameTokens([]byte("s := `x\ny`"), []byte("s := `x // c\ny`")))
}

func check(t *testing.T, files map[string]string) *checked {
	t.Helper()
	src := map[string][]byte{}
	for k, v := range files {
		src[k] = []byte(v)
	}
	c, err := typecheck(context.Background(), repoRoot(t), "test", src)
	require.NoError(t, err)
	return c
}

// The loop rewrite keeps the old, shared loop variables: for loops, range
// loops (with their types), and loops whose names would clash.
func TestShareLoopVars(t *testing.T) {
	c := check(t, map[string]string{"main.go": `package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); fmt.Println(i) }()
	}
	for _, d := range []time.Duration{1, 2} {
		wg.Add(1)
		go func() { defer wg.Done(); fmt.Println(d) }()
	}
	k := "outer"
	for k := range map[string]int{"a": 1} {
		wg.Add(1)
		go func() { defer wg.Done(); fmt.Println(k) }()
	}
	for j := 0; j < 2; j++ {
		fmt.Println(j) // nothing holds j: left alone
	}
	wg.Wait()
	fmt.Println(k)
}
`})
	loops := captures(c, c.files["main.go"], true)
	require.Len(t, loops, 3)
	out, notes, err := shareLoopVars(c, "main.go", loops)
	require.NoError(t, err)
	src := string(out)
	assert.Contains(t, src, "i := 0\n\tfor ; i < 3; i++ {")
	assert.Contains(t, src, "var d time.Duration\n\tfor _, d = range []time.Duration{1, 2} {")
	assert.Contains(t, src, "{\n\t\tvar k string\n\t\tfor k = range map[string]int", "an outer k: the loop is wrapped in a block")
	assert.Contains(t, src, "for j := 0; j < 2; j++ {")
	assert.Len(t, notes, 3)
	check(t, map[string]string{"main.go": src}) // still compiles
}

func TestOldLoopRule(t *testing.T) {
	racyLoop := check(t, map[string]string{"main.go": "package main\n\nfunc main() {\n\tfor i := 0; i < 2; i++ {\n\t\tgo func() { _ = i }()\n\t}\n}\n"})
	fixedLoop := check(t, map[string]string{"main.go": "package main\n\nfunc main() {\n\tfor i := 0; i < 2; i++ {\n\t\tgo func(i int) { _ = i }(i)\n\t}\n}\n"})
	modern := check(t, map[string]string{"main.go": "package main\n\nfunc main() {\n\tfor i := range 2 {\n\t\tgo func() { _ = i }()\n\t}\n}\n"})
	tests := []struct {
		name        string
		goVersion   string // --go
		modVersion  string // the program's go.mod
		racy, fixed *checked
		old         bool
	}{
		{"go.mod before 1.22", "", "1.21", racyLoop, fixedLoop, true},
		{"go.mod since 1.22", "", "1.22", racyLoop, fixedLoop, false},
		{"--go wins", "1.22", "1.20", racyLoop, fixedLoop, false},
		{"no go.mod, the fix stops the hold", "", "", racyLoop, fixedLoop, true},
		{"no go.mod, the fix keeps the hold", "", "", racyLoop, racyLoop, false},
		{"no go.mod, range over int", "", "", modern, fixedLoop, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old, why, err := oldLoopRule(Options{GoVersion: tt.goVersion}, &program{goVersion: tt.modVersion, goModPath: "go.mod"}, tt.racy, tt.fixed)
			require.NoError(t, err)
			assert.Equal(t, tt.old, old, why)
		})
	}
	_, _, err := oldLoopRule(Options{GoVersion: "2.0"}, &program{}, racyLoop, fixedLoop)
	assert.Error(t, err)
}

func TestShims(t *testing.T) {
	racy := check(t, map[string]string{"main.go": "package main\n\nimport (\n\t\"log\"\n\t\"os\"\n\t\"time\"\n)\n\nfunc main() {\n\ttime.Sleep(time.Millisecond)\n\tlog.Fatal(\"x\")\n\tos.Exit(0)\n}\n"})
	fixed := check(t, map[string]string{"main.go": "package main\n\nimport (\n\t\"os\"\n\t\"time\"\n)\n\nfunc main() {\n\tsleep := 1\n\t_ = sleep\n\ttime.Sleep(time.Millisecond)\n\tos.Exit(0)\n}\n"})
	used := forbiddenUses(fixed, []string{"main.go"})
	assert.Equal(t, map[string]string{"time.Sleep": "main.go:11", "os.Exit": "main.go:12"}, used)
	names := shimNames(map[string]bool{"time.Sleep": true, "os.Exit": true}, racy, fixed)
	assert.Equal(t, map[string]string{"time.Sleep": "racelabSleep", "os.Exit": "exit"}, names, "a local `sleep` hides the short name")

	out, n, err := replaceShimmed(racy, "main.go", names)
	require.NoError(t, err)
	assert.Equal(t, 2, n)
	assert.Contains(t, string(out), "racelabSleep(time.Millisecond)")
	assert.Contains(t, string(out), "log.Fatal(\"x\")", "the fixed program does not call log.Fatal: the racy one keeps it")
	assert.NotContains(t, string(out), `"os"`, "an import left unused goes")

	fixture := string(fixtureFile(lab.FixtureHeader, names))
	assert.True(t, strings.HasPrefix(fixture, lab.FixtureHeader))
	assert.Contains(t, fixture, "func racelabSleep(d time.Duration) { time.Sleep(d) }")
	assert.Contains(t, fixture, "func exit(code int) { os.Exit(code) }")
	check(t, map[string]string{"main.go": string(out), "fixture.go": fixture})
}

// The judge and the fixture compile, in the module, with go test's own vet
// checks; and the judge is the lab format's: package lab_test, judge.Run,
// no TestMain.
func TestLabFilesCompile(t *testing.T) {
	test, err := labTest("x")
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(test), "package lab_test\n"))
	assert.Contains(t, string(test), "judge.Run(t)")
	assert.NotContains(t, string(test), "TestMain")
	main, err := mainFixture("x.go")
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(main), lab.FixtureHeader))
	assert.Contains(t, string(main), "func main() { program.Main(run) }")
	files := map[string][]byte{
		"labs/99-x/lab_test.go":   test,
		"labs/99-x/x/" + mainFile: main,
		"labs/99-x/x/x.go":        []byte("package main\n\nfunc run() {}\n"),
	}
	ws, err := workspace.New(repoRoot(t), t.TempDir(), files)
	require.NoError(t, err)
	cmd := exec.Command("go", "vet", "./labs/99-x", "./labs/99-x/x")
	cmd.Dir = ws.Dir
	cmd.Env = run.Env(os.Environ()) // -trimpath: the copy shares the build cache
	out, err := cmd.CombinedOutput()
	assert.NoError(t, err, "%s", out)
}

// An imported lab fails a "fix" that removes a go statement from its
// solution (the work runs one task after another, and the race is gone
// without being fixed): the script demands the goroutines the solution
// starts, and program.Main says, as not concurrent, how many were missing.
// Nothing of that check is in the student's file.
func TestImportedLabRejectsRemovedGo(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs an imported lab")
	}
	dir := filepath.Join(repoRoot(t), "checker", "testdata", "import", "loop-counter")
	l, err := Import(context.Background(), Options{
		Root: repoRoot(t), Racy: filepath.Join(dir, "racy.go"), Fixed: filepath.Join(dir, "fixed.go"), Fix: []string{"any"}, Runs: 1,
	})
	require.NoError(t, err)
	rep := l.Report
	require.Empty(t, rep.Problems)
	require.Equal(t, []string{"loop_counter.go"}, rep.Editable)
	assert.Equal(t, uint64(5), rep.Goroutines, "one per iteration of the fixed program's loop")

	labDir, progDir, solDir := "labs/"+l.Name+"/", "labs/"+l.Name+"/"+rep.Command+"/", "solutions/"+l.Name+"/"
	runTxtar := string(l.Files[labDir+"testdata/run.txtar"])
	assert.Contains(t, runTxtar, "env RACELAB_MIN_GOROUTINES=5\n")
	for _, gone := range []string{"RACELAB_WINDOW", "RACELAB_MEASURE"} {
		assert.NotContains(t, runTxtar, gone)
	}
	var progFiles []string
	for f := range l.Files {
		if strings.HasPrefix(f, progDir) {
			progFiles = append(progFiles, strings.TrimPrefix(f, progDir))
		}
	}
	assert.ElementsMatch(t, []string{mainFile, "loop_counter.go", "Makefile"}, progFiles, "no fixture of the lab's besides main.go (and the folder's Makefile)")
	for _, f := range []string{progDir + "loop_counter.go", solDir + "loop_counter.go"} {
		assert.NotContains(t, string(l.Files[f]), "defer", "%s: nothing of the check in the student's file", f)
	}

	sol := l.Files[solDir+"loop_counter.go"]
	mutants, err := mutate.RemoveGo("loop_counter.go", sol)
	require.NoError(t, err)
	require.Len(t, mutants, 1)
	files := maps.Clone(l.Files)
	files[progDir+"loop_counter.go"] = mutants[0].Src
	r, err := stage(context.Background(), repoRoot(t), l.Name, files, stageOptions{n: 1, expected: protocol.Pass})
	require.NoError(t, err)
	require.True(t, r.built, "%s", r.sample)
	assert.Equal(t, counts{protocol.NotConcurrent: 2}, r.byReason, "%s", r.sample)
	assert.Contains(t, r.sample, protocol.MarkNotConcurrent+" the program started 0 goroutines, but a correct fix starts 5:")
	assert.NotContains(t, r.sample, "overlap.Window", "the old check's words")

	// And the solution itself, with the final lab, passes.
	files[progDir+"loop_counter.go"] = sol
	r, err = stage(context.Background(), repoRoot(t), l.Name, files, stageOptions{n: 1, expected: protocol.Pass})
	require.NoError(t, err)
	assert.Equal(t, counts{protocol.Pass: 2}, r.byReason, "%s", r.sample)
}

func TestExitToReturn(t *testing.T) {
	c := check(t, map[string]string{"main.go": `package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) > 5 {
		os.Exit(0)
	}
	go func() { os.Exit(0) }()
	if len(os.Args) > 9 {
		fail()
	}
	fmt.Println("done")
	os.Exit(0)
}

func fail() { os.Exit(1) }
`})
	out, notes, err := exitToReturn(c, "main.go")
	require.NoError(t, err)
	assert.Len(t, notes, 2)
	src := string(out)
	assert.Equal(t, 2, strings.Count(src, "return\n"), "main's own os.Exit(0)s")
	assert.Contains(t, src, "go func() { os.Exit(0) }()", "a goroutine's exit cannot be a return")
	assert.Contains(t, src, "func fail() { os.Exit(1) }")
	check(t, map[string]string{"main.go": src})
}

// A program's own hang detection goes; what only looks like it stays.
func TestStripWatchdogs(t *testing.T) {
	c := check(t, map[string]string{"main.go": `package main

import (
	"errors"
	"fmt"
	"log"
	"os"
	"runtime"
	"sync"
	"time"
)

func work(wg *sync.WaitGroup) { defer wg.Done() }

// fetch gives up after a timeout: the bug's own mechanism, not a watchdog.
func fetch(ch chan int) (int, error) {
	select {
	case v := <-ch:
		return v, nil
	case <-time.After(time.Millisecond):
		return 0, errors.New("timed out")
	}
}

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go work(&wg)
	go func() {
		time.Sleep(2 * time.Second)
		fmt.Println("deadlock: still waiting")
		os.Exit(1)
	}()
	go func() { // a worker that sleeps and may fail: real work, kept
		time.Sleep(time.Millisecond)
		if _, err := fetch(make(chan int)); err == nil {
			panic("impossible")
		}
		fmt.Println("worker done")
	}()
	time.AfterFunc(3*time.Second, func() { log.Fatal("too slow") })
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	timeout := time.After(time.Second)
	select {
	case <-done:
	case <-timeout:
		fmt.Println("deadlock: the workers are stuck")
		os.Exit(1)
	}
	n := runtime.NumGoroutine()
	if n > 3 {
		log.Fatalf("leak: %d goroutines", n)
	}
	if runtime.NumGoroutine() > 1 {
		panic("leak")
	}
	start := time.Now()
	for !ready() {
		if time.Since(start) > 2*time.Second {
			fmt.Println("deadlock: never ready")
			os.Exit(1)
		}
		time.Sleep(time.Millisecond)
	}
	deadline := time.Now().Add(time.Second)
	for !ready() {
		if time.Now().After(deadline) {
			log.Fatal("deadlock: past the deadline")
		}
	}
	os.Exit(0)
}

func ready() bool { return true }
`})
	out, notes, err := stripWatchdogs(c, "main.go")
	require.NoError(t, err)
	src := string(out)
	assert.Len(t, notes, 7, "%s", notes)
	for _, gone := range []string{"deadlock: still waiting", "too slow", "deadlock: the workers are stuck", "timeout :=", "leak: %d", "n := runtime", `panic("leak")`, `"runtime"`,
		"deadlock: never ready", "start :=", "deadlock: past the deadline", "deadline :="} {
		assert.NotContains(t, src, gone)
	}
	for _, kept := range []string{"errors.New(\"timed out\")", "worker done", "\t<-done\n", "os.Exit(0)", `"os"`} {
		assert.Contains(t, src, kept)
	}
	check(t, map[string]string{"main.go": src}) // still compiles
}

// The import a rewrite leaves in use stays, whatever its path's last
// element; the one it leaves unused goes.
func TestTidyKnowsPackageNames(t *testing.T) {
	src := []byte("package main\n\nimport (\n\t\"math/rand/v2\"\n\t\"os\"\n\t\"time\"\n)\n\nfunc main() {\n\tsleep(time.Duration(rand.IntN(3)))\n}\n\nfunc sleep(time.Duration) {}\n")
	for _, names := range []map[string]string{{"math/rand/v2": "rand", "os": "os", "time": "time"}, nil} {
		out, err := tidy("main.go", src, nil, names)
		require.NoError(t, err)
		assert.Contains(t, string(out), `"math/rand/v2"`, "names %v", names)
		assert.NotContains(t, string(out), `"os"`)
		check(t, map[string]string{"main.go": string(out)})
	}
}

// A rewrite that breaks the program stops the import, naming the step and
// where the program broke.
func TestRewriteThatBreaksStops(t *testing.T) {
	racy := &program{label: "racy", files: map[string][]byte{"main.go": []byte("package main\n\nfunc main() {}\n")}}
	fixed := &program{label: "fixed", files: map[string][]byte{"main.go": []byte("package main\n\nfunc main() {}\n")}}
	a := &adapter{ctx: context.Background(), root: repoRoot(t), racy: racy, fixed: fixed, rep: &Report{}}
	var err error
	a.rc, a.fc, err = checkBoth(a.ctx, a.root, racy, fixed)
	require.NoError(t, err)
	_, err = a.rewrite("replacing the calls the static checks forbid", nil, func(c *checked, name string) ([]byte, []string, error) {
		return []byte("package main\n\nfunc main() {\n\tsleep(rand.IntN(3))\n}\n"), nil, nil
	})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "replacing the calls the static checks forbid broke the racy program")
	assert.Contains(t, err.Error(), "main.go:4:2: undefined: sleep")
	assert.Contains(t, err.Error(), "The import stops here")
	assert.NotContains(t, err.Error(), "-: #", "the go command's summary says it again, without the place")
}
