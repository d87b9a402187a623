package mutate

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const shipped = `package main

import "sync"

func main() {
	var wg sync.WaitGroup
	total := 0
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// TODO: make the update safe.
			total += i
		}()
	}
	// TODO(instructor): the instructor's own note, not where a student works.
	wg.Wait()
	println(total)
}
`

const solution = `package main

import "sync"

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex // fix: guards total
	total := 0
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock() // fix: one at a time
			total += i
			mu.Unlock() // fix: let the next in
		}()
	}
	wg.Wait()
	println(total)
}
`

func parses(t *testing.T, src []byte) {
	t.Helper()
	_, err := parser.ParseFile(token.NewFileSet(), "m.go", src, 0)
	require.NoError(t, err, "the mutant must parse:\n%s", src)
}

func TestRemoveGo(t *testing.T) {
	ms, err := RemoveGo("m.go", []byte(solution))
	require.NoError(t, err)
	require.Len(t, ms, 1, "one go statement: one mutant, no 'all'")
	assert.Equal(t, "no-go@11", ms[0].Name)
	assert.NotContains(t, string(ms[0].Src), "go func")
	parses(t, ms[0].Src)
}

// Only the fix's synchronisation becomes a sleep: the shipped program's
// own wg.Wait stays, and the mutex stays referenced so the mutant compiles.
func TestSleepForSyncReplacesOnlyTheFix(t *testing.T) {
	m, ok, err := SleepForSync("m.go", []byte(solution), []byte(shipped))
	require.NoError(t, err)
	require.True(t, ok)
	src := string(m.Src)
	parses(t, m.Src)
	assert.NotContains(t, src, "mu.Lock()")
	assert.NotContains(t, src, "mu.Unlock()")
	assert.Contains(t, src, "wg.Wait()", "the shipped program's own wait is not the fix")
	assert.Equal(t, 2, strings.Count(src, "_ = &mu"))
	assert.Equal(t, 2, strings.Count(src, "time.Sleep("))
	assert.Contains(t, src, `"time"`)

	all, ok, err := SleepForSync("m.go", []byte(solution), nil)
	require.NoError(t, err)
	require.True(t, ok)
	assert.NotContains(t, string(all.Src), "wg.Wait()", "without a shipped program every sync goes")

	_, ok, err = SleepForSync("m.go", []byte(shipped), []byte(shipped))
	require.NoError(t, err)
	assert.False(t, ok, "nothing added, nothing to replace")
}

func TestSleepForSyncReceive(t *testing.T) {
	src := "package main\n\nfunc main() {\n\tdone := make(chan bool)\n\tgo func() { done <- true }()\n\t<-done\n}\n"
	m, ok, err := SleepForSync("m.go", []byte(src), nil)
	require.NoError(t, err)
	require.True(t, ok)
	assert.Contains(t, string(m.Src), "_ = done")
	parses(t, m.Src)
}

// A select's receive cases stay: a sleep cannot stand in a case, and the
// mutant must compile (labs 21 and 22 had no sleep-for-sync cheat because
// of it).
func TestSleepForSyncLeavesSelectCases(t *testing.T) {
	src := "package main\n\nfunc main() {\n\tdone, stop := make(chan bool), make(chan bool)\n\tgo func() { done <- true; stop <- true }()\n\tselect {\n\tcase <-done:\n\t}\n\t<-stop\n}\n"
	m, ok, err := SleepForSync("m.go", []byte(src), nil)
	require.NoError(t, err)
	require.True(t, ok)
	out := string(m.Src)
	assert.Contains(t, out, "case <-done:")
	assert.NotContains(t, out, "\t<-stop")
	assert.Equal(t, 1, strings.Count(out, "time.Sleep("))
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "m.go", m.Src, 0)
	require.NoError(t, err, out)
	_, err = (&types.Config{Importer: importer.Default()}).Check("main", fset, []*ast.File{f}, nil)
	require.NoError(t, err, out)
}

func TestSleepAtTODOIgnoresInstructorNotes(t *testing.T) {
	m, ok, err := SleepAtTODO("m.go", []byte(shipped))
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, 1, strings.Count(string(m.Src), "time.Sleep("), "only the student's TODO gets a sleep")
	parses(t, m.Src)
}

func TestSerialise(t *testing.T) {
	m, ok, err := Serialise("m.go", []byte(solution))
	require.NoError(t, err)
	require.True(t, ok)
	src := string(m.Src)
	parses(t, m.Src)
	assert.Contains(t, src, "racelabSerial.Lock()\n\t\t\tdefer racelabSerial.Unlock()")
	assert.Contains(t, src, "var racelabSerial sync.Mutex")

	_, ok, err = Serialise("m.go", []byte("package main\n\nfunc main() {}\n"))
	require.NoError(t, err)
	assert.False(t, ok, "no goroutine, nothing to serialise")

	named := "package main\n\nimport s \"sync\"\n\nvar _ s.Mutex\n\nfunc main() { go func() {}() }\n"
	m, ok, err = Serialise("m.go", []byte(named))
	require.NoError(t, err)
	require.True(t, ok)
	assert.Contains(t, string(m.Src), "var racelabSerial s.Mutex", "uses sync under the file's own name")
}
