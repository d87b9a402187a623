package importer

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// kernel is a racy/fixed pair in testdata/kernels, modelled on a bug of
// the ASPLOS'19 study of Go concurrency bugs (Tu et al.: etcd, moby,
// kubernetes, grpc), written as such collections publish them: package
// main, sleeps, rand, os.Exit and log.Fatal, and, for blocking bugs, often
// the program's own hang detection ("deadlock: ..." and exit 1).
type kernel struct {
	name    string
	expect  string   // what the racy program's lab must expect
	fix     []string // the fix kinds the import infers from the change
	adapted []string // what the import must say it adapted
}

func kernels() []kernel {
	return []kernel{
		// Labs 28-30 were imported from these three.
		{name: "raft-status", expect: "race", fix: []string{"mutex"}},
		{name: "get-timeout", expect: "leak", fix: []string{"channel"}, adapted: []string{"time.Sleep → sleep"}},
		{name: "restore-wait", expect: "deadlock", fix: []string{"mutex"}},

		{name: "wg-add-inside", expect: "race", fix: []string{"any"}},
		{name: "conn-capture", expect: "race", fix: []string{"any"}, adapted: []string{"time.Sleep → sleep"}},
		{name: "closed-flag", expect: "race", fix: []string{"atomic"}},
		{name: "rlock-recursive", expect: "deadlock", fix: []string{"any"},
			adapted: []string{"a select case that gives up when a timer fires", "time.Sleep → sleep"}},
		{name: "nil-stop-channel", expect: "deadlock", fix: []string{"any"}},
		{name: "double-lock", expect: "deadlock", fix: []string{"any"}},
		{name: "early-return-unlock", expect: "deadlock", fix: []string{"any"},
			adapted: []string{"a goroutine that waits, then gives up"}},
		{name: "done-missing", expect: "deadlock", fix: []string{"any"}},
		{name: "range-unclosed", expect: "deadlock", fix: []string{"waitgroup", "channel"}},
		{name: "ticker-leak", expect: "leak", fix: []string{"channel"}},
		{name: "errc-leak", expect: "leak", fix: []string{"channel"},
			adapted: []string{"a check that counts goroutines (runtime.NumGoroutine) and gives up", "time.Sleep → sleep"}},
	}
}

func kernelDir(t *testing.T, name string) (racy, fixed string) {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("testdata", "kernels", name))
	require.NoError(t, err)
	return filepath.Join(dir, "racy"), filepath.Join(dir, "fixed")
}

// Every kernel survives the import's rewrites and still compiles (adapt
// type-checks both versions after each rewrite: "undefined: rand" after a
// replaced call would stop it), and its own hang detection is taken out.
func TestKernelsAdapt(t *testing.T) {
	root := repoRoot(t)
	for _, k := range kernels() {
		t.Run(k.name, func(t *testing.T) {
			racyDir, fixedDir := kernelDir(t, k.name)
			racy, err := load("racy", racyDir)
			require.NoError(t, err)
			fixed, err := load("fixed", fixedDir)
			require.NoError(t, err)
			rep := &Report{}
			pair(racy, fixed, k.name, rep)
			freeMainGo(racy, fixed, k.name, rep)
			_, err = adapt(context.Background(), Options{Root: root}, racy, fixed, rep)
			require.NoError(t, err)
			all := strings.Join(rep.Adapted, "\n")
			for _, w := range k.adapted {
				assert.Contains(t, all, w)
			}
			for _, p := range []*program{racy, fixed} {
				for name, src := range p.files {
					assert.NotContains(t, string(src), `("deadlock:`, "%s: the program's own hang detection is taken out", name)
					assert.NotContains(t, string(src), "runtime.NumGoroutine()", name)
				}
			}
		})
	}
}

// Each kernel imports as a lab that measures as its bug: the expect is
// inferred from the racy program's runs (a deadlock or a leak, not the
// exit 1 of its own hang detection), the solution passes, and the fix
// kinds come from the solution's change. Slow (every kernel is built and
// run a dozen times): set RACELAB_IMPORT_ALL=1.
func TestKernelsImport(t *testing.T) {
	if os.Getenv("RACELAB_IMPORT_ALL") != "1" {
		t.Skip("set RACELAB_IMPORT_ALL=1 to import every kernel")
	}
	root := repoRoot(t)
	for _, k := range kernels() {
		t.Run(k.name, func(t *testing.T) {
			t.Parallel()
			racy, fixed := kernelDir(t, k.name)
			// A slug of its own: labs 28-30 have the names of their kernels.
			l, err := Import(context.Background(), Options{Root: root, Racy: racy, Fixed: fixed, Slug: "kernel-" + k.name, Part: 6, Runs: 1})
			require.NoError(t, err)
			rep := l.Report
			assert.Empty(t, rep.Problems)
			assert.Equal(t, k.expect, rep.Expect, "racy: %s", rep.Shipped)
			assert.Equal(t, "pass 2/2", rep.Solution)
			toml := string(l.Files["labs/"+l.Name+"/lab.toml"])
			want := `fix = ["` + strings.Join(k.fix, `", "`) + `"]`
			assert.Contains(t, toml, want)
			assert.True(t, slices.ContainsFunc(rep.Adapted, func(a string) bool { return strings.HasPrefix(a, "fix = [") }), "the fix kinds are inferred and said")
		})
	}
}
