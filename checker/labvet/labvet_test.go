package labvet_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/racelab/racelab/checker/labvet"
)

// writeModule makes a throwaway module holding one main package.
func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files["go.mod"] = "module example.com/lab\n\ngo 1.26\n"
	for name, src := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644))
	}
	return dir
}

func TestCheckReportsWrongFixAndSleep(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"bank.go": `package main

import (
	"sync/atomic"
	"time"
)

var balance atomic.Int64

func main() {
	go balance.Add(1)
	time.Sleep(time.Millisecond)
}
`,
		"fixture.go": "package main\n\nimport \"time\"\n\nfunc slow() { time.Sleep(1) }\n",
	})
	findings, err := labvet.Check(dir, []string{"mutex"}, []string{"bank.go"})
	require.NoError(t, err)
	require.Len(t, findings, 2, "one wrong fix, one sleep; the fixture's sleep is not the student's: %v", findings)
	assert.Equal(t, "fixkind", findings[0].Check)
	assert.Contains(t, findings[0].Message, "sync.Mutex")
	assert.Contains(t, findings[0].Message, "uses atomic instead")
	assert.Equal(t, "fakesync", findings[1].Check)
	assert.Equal(t, "bank.go:12:2: time.Sleep is not synchronisation: sleeping only changes the timing, it never makes one goroutine wait for another", findings[1].String())
}

func TestCheckAcceptsTheRightFix(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"bank.go": `package main

import "sync"

var (
	mu      sync.Mutex
	balance int
)

func main() {
	mu.Lock()
	balance++
	mu.Unlock()
}
`,
	})
	findings, err := labvet.Check(dir, []string{"mutex"}, []string{"bank.go"})
	require.NoError(t, err)
	assert.Empty(t, findings)
}

func TestCheckCompileErrorIsAnError(t *testing.T) {
	dir := writeModule(t, map[string]string{"bank.go": "package main\n\nfunc main() { undefined() }\n"})
	_, err := labvet.Check(dir, []string{"mutex"}, []string{"bank.go"})
	require.Error(t, err)
	assert.True(t, strings.Contains(err.Error(), "fix the compile errors first"), err.Error())
}
